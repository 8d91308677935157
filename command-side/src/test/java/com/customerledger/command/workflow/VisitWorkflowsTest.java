package com.customerledger.command.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.command.Role;
import com.customerledger.command.inbox.OpenInboxItemCommand;
import com.customerledger.command.inbox.SettleInboxItemCommand;
import com.customerledger.command.opportunity.AdvanceOpportunityCommand;
import com.customerledger.command.opportunity.CustomerOpportunities;
import com.customerledger.command.sample.RequestSampleCommand;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.SampleRequest;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitIntent;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import com.customerledger.events.sample.SampleDispatchedEvent;
import com.customerledger.events.sample.SampleRequestedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rule of the visit workflows: which commands an event sends, to whom, with which idempotent id. */
class VisitWorkflowsTest {

    private static final Instant AT = Instant.parse("2026-09-01T02:00:00Z");

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private EmbeddedEventStore events;
    private LookupTables lookups;
    private VisitWorkflows workflows;

    @BeforeEach
    void setUp() {
        events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        lookups = new LookupTables();
        CustomerOpportunities opportunities = new CustomerOpportunities(lookups.jdbc);
        workflows = new VisitWorkflows(DefaultCommandGateway.builder().commandBus(bus).build(), events, opportunities);
        registerRep("rep-a", "mgr-1");
        registerRep("rep-b", null);
    }

    @AfterEach
    void tearDown() {
        events.shutDown();
    }

    private void registerRep(String repId, String managerRepId) {
        events.publish(new GenericDomainEventMessage<>("Rep", "rep:" + repId, 0, new RepRegisteredEvent(repId, repId,
                List.of(), List.of(), List.of(CustomerType.FARM), 50, managerRepId, "admin")));
    }

    private static VisitRecordedEvent visit(String repId, VisitIntent intent, SampleRequest sample) {
        return new VisitRecordedEvent("c1", "v1", repId, AT, VisitChannel.ON_SITE, "想换料", "interested", null, null, repId,
                intent, sample);
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void aHighIntentVisitAsksTheRepsManagerToReviewIt() {
        EventFeed.feed(workflows, visit("rep-a", VisitIntent.HIGH, null));

        assertThat(sent()).singleElement().isInstanceOfSatisfying(OpenInboxItemCommand.class, task -> {
            assertThat(task.inboxItemId()).isEqualTo("review:c1:v1");
            assertThat(task.recipient()).isEqualTo(InboxRecipient.rep("mgr-1"));
            assertThat(task.kind()).isEqualTo(InboxItemKind.REVIEW);
            assertThat(task.customerId()).isEqualTo("c1");
            assertThat(task.detail()).contains("rep-a").contains("想换料");
        });
    }

    @Test
    void aRepWithoutAManagerHasTheHighIntentVisitReviewedByEveryManager() {
        EventFeed.feed(workflows, visit("rep-b", VisitIntent.HIGH, null));

        assertThat(sent()).singleElement().isInstanceOfSatisfying(OpenInboxItemCommand.class,
                task -> assertThat(task.recipient()).isEqualTo(InboxRecipient.role(Role.MANAGER.name())));
    }

    @Test
    void anOrdinaryVisitStartsNothing() {
        EventFeed.feed(workflows, visit("rep-a", VisitIntent.MEDIUM, null), visit("rep-a", null, null));

        assertThat(sent()).isEmpty();
    }

    @Test
    void aSampleRequestAsksForTheSampleNamedByTheVisit() {
        EventFeed.feed(workflows, visit("rep-a", null, new SampleRequest("creep", new BigDecimal("2"))));

        assertThat(sent()).containsExactly(new RequestSampleCommand("c1:v1", "c1", "v1", "rep-a", "creep",
                new BigDecimal("2"), "rep-a"));
    }

    @Test
    void aRequestedSampleIsATaskForTheWarehouse() {
        EventFeed.feed(workflows, new SampleRequestedEvent("c1:v1", "c1", "v1", "rep-a", "creep", "feed",
                new BigDecimal("2.50"), "rep-a"));

        assertThat(sent()).singleElement().isInstanceOfSatisfying(OpenInboxItemCommand.class, task -> {
            assertThat(task.inboxItemId()).isEqualTo("sample:c1:v1:dispatch");
            assertThat(task.recipient()).isEqualTo(InboxRecipient.role(Role.WAREHOUSE.name()));
            assertThat(task.kind()).isEqualTo(InboxItemKind.SAMPLE_TASK);
            assertThat(task.detail()).startsWith("2.5 of creep");
        });
    }

    @Test
    void aSentSampleSettlesTheTaskTellsTheRepAndMovesTheOpportunityOfItsProductLine() {
        EventFeed.feed(new CustomerOpportunities(lookups.jdbc),
                new OpportunityOpenedEvent("o-feed", "c1", "feed", new BigDecimal("9000"), "rep-a", null, "rep-a"),
                new OpportunityOpenedEvent("o-fert", "c1", "fertilizer", new BigDecimal("5000"), "rep-a", null, "rep-a"));

        EventFeed.feed(workflows, new SampleDispatchedEvent("c1:v1", "c1", "rep-a", "feed", "SF1", "warehouse"));

        List<Object> sent = sent();
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).isEqualTo(new SettleInboxItemCommand("sample:c1:v1:dispatch", "warehouse"));
        assertThat(sent.get(1)).isInstanceOfSatisfying(OpenInboxItemCommand.class, notice -> {
            assertThat(notice.recipient()).isEqualTo(InboxRecipient.rep("rep-a"));
            assertThat(notice.kind()).isEqualTo(InboxItemKind.SAMPLE_SENT);
            assertThat(notice.detail()).isEqualTo("SF1");
        });
        assertThat(sent.get(2)).isInstanceOfSatisfying(AdvanceOpportunityCommand.class, advance -> {
            assertThat(advance.opportunityId().value()).isEqualTo("o-feed");
            assertThat(advance.stage()).isEqualTo(OpportunityStage.SAMPLE_SENT);
        });
    }

    @Test
    void anOpportunityAlreadyPastTheSampleIsNotMovedBack() {
        CustomerOpportunities opportunities = new CustomerOpportunities(lookups.jdbc);
        EventFeed.feed(opportunities,
                new OpportunityOpenedEvent("o-feed", "c1", "feed", new BigDecimal("9000"), "rep-a", null, "rep-a"),
                new OpportunityAdvancedEvent("o-feed", "c1", OpportunityStage.LEAD, OpportunityStage.QUOTED, null,
                        null, "rep-a"));

        EventFeed.feed(workflows, new SampleDispatchedEvent("c1:v1", "c1", "rep-a", "feed", null, "warehouse"));

        assertThat(sent()).hasSize(2).noneMatch(AdvanceOpportunityCommand.class::isInstance);
    }

    @Test
    void aSampleOfAnotherLineMovesTheOnlyOpenOpportunityButNotOneOfSeveral() {
        CustomerOpportunities opportunities = new CustomerOpportunities(lookups.jdbc);
        EventFeed.feed(opportunities,
                new OpportunityOpenedEvent("o-fert", "c1", "fertilizer", new BigDecimal("5000"), "rep-a", null, "rep-a"));
        EventFeed.feed(workflows, new SampleDispatchedEvent("c1:v1", "c1", "rep-a", "feed", null, "warehouse"));
        assertThat(sent()).filteredOn(AdvanceOpportunityCommand.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AdvanceOpportunityCommand.class,
                        advance -> assertThat(advance.opportunityId().value()).isEqualTo("o-fert"));

        bus.clearCommands();
        EventFeed.feed(opportunities,
                new OpportunityOpenedEvent("o-seed", "c1", "seed", new BigDecimal("3000"), "rep-a", null, "rep-a"));
        EventFeed.feed(workflows, new SampleDispatchedEvent("c1:v2", "c1", "rep-a", "feed", null, "warehouse"));
        assertThat(sent()).hasSize(2).noneMatch(AdvanceOpportunityCommand.class::isInstance);
    }

    @Test
    void aPoolReminderWarnsTheOwnerOncePerReleaseTime() {
        Instant release = Instant.parse("2026-09-15T00:00:00Z");
        EventFeed.feed(workflows, new CustomerPoolReminderIssuedEvent("c1", "rep-a", release, 3));

        assertThat(sent()).singleElement().isInstanceOfSatisfying(OpenInboxItemCommand.class, warning -> {
            assertThat(warning.inboxItemId()).isEqualTo("pool:c1:" + release.toEpochMilli());
            assertThat(warning.recipient()).isEqualTo(InboxRecipient.rep("rep-a"));
            assertThat(warning.kind()).isEqualTo(InboxItemKind.POOL_WARNING);
            assertThat(warning.dueAt()).isEqualTo(release);
        });
    }
}
