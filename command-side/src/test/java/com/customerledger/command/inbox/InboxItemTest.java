package com.customerledger.command.inbox;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.Role;
import com.customerledger.events.inbox.InboxItemDoneEvent;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxItemOpenedEvent;
import com.customerledger.events.inbox.InboxRecipient;
import java.time.Instant;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxItemTest {

    private static final Instant DUE = Instant.parse("2026-12-10T00:00:00Z");
    private static final InboxItemOpenedEvent FOR_REP = new InboxItemOpenedEvent("pool:c1:1", InboxRecipient.rep("rep-a"),
            InboxItemKind.POOL_WARNING, "c1", null, "title", "detail", DUE);
    private static final InboxItemOpenedEvent FOR_WAREHOUSE = new InboxItemOpenedEvent("sample:c1:v1:dispatch",
            InboxRecipient.role("WAREHOUSE"), InboxItemKind.SAMPLE_TASK, "c1", "c1:v1", "title", "detail", null);

    private AggregateTestFixture<InboxItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InboxItem.class);
    }

    private static OpenInboxItemCommand open(InboxItemOpenedEvent event) {
        return new OpenInboxItemCommand(event.inboxItemId(), event.recipient(), event.kind(), event.customerId(),
                event.subjectId(), event.title(), event.detail(), event.dueAt());
    }

    @Test
    void canOpenAnItemForAnOccasion() {
        fixture.givenNoPriorActivity().when(open(FOR_REP)).expectSuccessfulHandlerExecution().expectEvents(FOR_REP);
    }

    @Test
    void theSameOccasionOpensNoSecondItem() {
        fixture.given(FOR_REP).when(open(FOR_REP)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theRecipientRepMarksItDoneOnce() {
        fixture.given(FOR_REP).when(new MarkInboxItemDoneCommand("pool:c1:1", rep("rep-a")))
                .expectEvents(new InboxItemDoneEvent("pool:c1:1", "rep-a"));
        fixture.given(FOR_REP, new InboxItemDoneEvent("pool:c1:1", "rep-a"))
                .when(new MarkInboxItemDoneCommand("pool:c1:1", rep("rep-a"))).expectNoEvents();
    }

    @Test
    void cannotMarkDoneAnItemOfAnotherInbox() {
        fixture.given(FOR_REP).when(new MarkInboxItemDoneCommand("pool:c1:1", rep("rep-b")))
                .expectException(rejectedWith(ErrorCode.INBOX_ITEM_NOT_FOUND)).expectNoEvents();
        fixture.given(FOR_REP).when(new MarkInboxItemDoneCommand("pool:c1:1", MANAGER))
                .expectException(rejectedWith(ErrorCode.INBOX_ITEM_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void anyUserOfTheRoleMarksARoleItemDone() {
        Actor warehouse = new Actor("warehouse-2", null, Set.of(Role.WAREHOUSE));
        fixture.given(FOR_WAREHOUSE).when(new MarkInboxItemDoneCommand("sample:c1:v1:dispatch", warehouse))
                .expectEvents(new InboxItemDoneEvent("sample:c1:v1:dispatch", "warehouse-2"));
        fixture.given(FOR_WAREHOUSE).when(new MarkInboxItemDoneCommand("sample:c1:v1:dispatch", rep("rep-a")))
                .expectException(rejectedWith(ErrorCode.INBOX_ITEM_NOT_FOUND)).expectNoEvents();
    }

    @Test
    void theLedgerSettlesATaskDoneElsewhereOnce() {
        fixture.given(FOR_WAREHOUSE).when(new SettleInboxItemCommand("sample:c1:v1:dispatch", "warehouse"))
                .expectEvents(new InboxItemDoneEvent("sample:c1:v1:dispatch", "warehouse"));
        fixture.given(FOR_WAREHOUSE, new InboxItemDoneEvent("sample:c1:v1:dispatch", "warehouse-2"))
                .when(new SettleInboxItemCommand("sample:c1:v1:dispatch", "warehouse")).expectNoEvents();
    }
}
