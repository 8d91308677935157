package com.customerledger.command.customer;

import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealCreditMovedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.PastOwnershipChangeReversedEvent;
import com.customerledger.events.Region;
import com.customerledger.events.RepTerritoryChangedEvent;
import com.customerledger.events.TransferReason;
import com.customerledger.events.VisitChannel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reversals of ownership changes: the latest one gives the customer back, an earlier one corrects
 * only the history, and either moves the credit of the deals closed while the voided change stood.
 */
class CustomerReversalTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant REGISTERED = NOW.minus(Duration.ofDays(30));
    private static final Instant FIRST_MOVE = NOW.minus(Duration.ofDays(20));
    private static final Instant SECOND_MOVE = NOW.minus(Duration.ofDays(10));
    private static final String ID = "c-rev";
    private static final CustomerProfile PROFILE = new CustomerProfile("回转养殖场", CustomerType.FARM,
            new Region("山东省", "潍坊市", "寿光市"), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private AggregateTestFixture<Customer> fixture;
    private LookupTables lookups;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10).withRep("rep-c", 10);
        fixture = new AggregateTestFixture<>(Customer.class);
        lookups.serve(fixture);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CustomerRegisteredEvent registered(String owner) {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, owner, REGISTERED, "manager");
    }

    private static CustomerTransferredEvent moved(String from, String to, Instant effectiveAt) {
        return CustomerTransferredEvent.byPerson(ID, from, to, TransferReason.MANUAL, effectiveAt, null, "manager", null);
    }

    private static DealRecordedEvent deal(String dealId, Instant closedAt, String creditedRepId) {
        return new DealRecordedEvent(ID, dealId, "feed", new BigDecimal("1000"), new BigDecimal("100"), closedAt,
                creditedRepId, "manager");
    }

    private static ReverseOwnershipChangeCommand reverse(String eventId) {
        return new ReverseOwnershipChangeCommand(new CustomerId(ID), eventId, "录错了", MANAGER);
    }

    /** The given events, as the fixture stored them: a reversal names one of them by its message id. */
    private List<String> givenEventIds() {
        return fixture.getEventStore().readEvents(new CustomerId(ID).toString()).asStream()
                .map(EventMessage::getIdentifier).toList();
    }

    @Test
    void reversingTheLatestChangeGivesTheCustomerBackToTheOwnerBeforeIt() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE));
        String transfer = givenEventIds().get(1);
        given.when(reverse(transfer))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, transfer, "rep-b", "rep-a", REGISTERED, "录错了",
                        "manager"));
    }

    @Test
    void reversingTheLatestClaimSendsTheCustomerBackToThePool() {
        TestExecutor<Customer> given = fixture.given(registered(null), new CustomerClaimedEvent(ID, "rep-a", FIRST_MOVE,
                "rep-a"));
        String claim = givenEventIds().get(1);
        given.when(reverse(claim))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, claim, "rep-a", null, REGISTERED, "录错了", "manager"));
    }

    @Test
    void reversingTheLatestChangeBackToACollaboratorEndsTheRoleFirst() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                new CollaboratorAddedEvent(ID, "rep-a", CollaboratorRole.EDITOR, "rep-b"));
        String transfer = givenEventIds().get(1);
        given.when(reverse(transfer))
                .expectEvents(new CollaboratorRemovedEvent(ID, "rep-a", "manager", null),
                        new CustomerOwnershipReversedEvent(ID, transfer, "rep-b", "rep-a", REGISTERED, "录错了", "manager"));
    }

    /** The defect of issue 10: the rep given back the customer kept an EDITOR right that survived a later move away. */
    @Test
    void aRepGivenBackTheCustomerKeepsNoEditorRightAfterALaterTransferAway() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                new CollaboratorAddedEvent(ID, "rep-a", CollaboratorRole.EDITOR, "rep-b"));
        String transfer = givenEventIds().get(1);
        given.andGivenCommands(reverse(transfer), new TransferCustomerCommand(new CustomerId(ID), "rep-c",
                        TransferReason.REBALANCE, null, "rep-a", null, null, MANAGER))
                .when(new UpdateCustomerProfileCommand(new CustomerId(ID), null, null, null, "不该能改", null, null, null,
                        null, null, null, null, null, rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    /**
     * Streams stored before reversals ended the role explicitly: the reversal to a collaborator still
     * ends it when the customer is rebuilt, as the read models and the rep book always read it.
     */
    @Test
    void aStoredReversalToACollaboratorWithoutTheRemovalStillEndsTheRole() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                new CollaboratorAddedEvent(ID, "rep-a", CollaboratorRole.EDITOR, "rep-b"));
        String transfer = givenEventIds().get(1);
        given.andGiven(new CustomerOwnershipReversedEvent(ID, transfer, "rep-b", "rep-a", REGISTERED, "录错了", "manager"),
                        moved("rep-a", "rep-c", SECOND_MOVE))
                .when(new RecordVisitCommand(new CustomerId(ID), "v-late", NOW, VisitChannel.PHONE,
                        "不该能记", null, null, null, rep("rep-a")))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void reversingAnEarlierChangeCorrectsOnlyTheHistory() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                moved("rep-b", "rep-c", SECOND_MOVE));
        String mistake = givenEventIds().get(1);
        given.when(reverse(mistake))
                .expectEvents(new PastOwnershipChangeReversedEvent(ID, mistake, "rep-b", "rep-a", FIRST_MOVE, SECOND_MOVE,
                        "录错了", "manager"));
    }

    @Test
    void afterAnEarlierReversalTheLatestOneGoesBackPastTheVoidedChange() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                moved("rep-b", "rep-c", SECOND_MOVE));
        List<String> ids = givenEventIds();
        given.andGiven(new PastOwnershipChangeReversedEvent(ID, ids.get(1), "rep-b", "rep-a", FIRST_MOVE, SECOND_MOVE,
                        "录错了", "manager"))
                .when(reverse(ids.get(2)))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, ids.get(2), "rep-c", "rep-a", REGISTERED, "录错了",
                        "manager"));
    }

    @Test
    void cannotReverseTheSameChangeTwice() {
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                moved("rep-b", "rep-c", SECOND_MOVE));
        String mistake = givenEventIds().get(1);
        given.andGiven(new PastOwnershipChangeReversedEvent(ID, mistake, "rep-b", "rep-a", FIRST_MOVE, SECOND_MOVE,
                        "录错了", "manager"))
                .when(reverse(mistake))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.CHANGE_NOT_REVERSIBLE));
    }

    @Test
    void cannotReverseToARepAtCapacity() {
        EventFeed.feed(lookups.repBook, new RepTerritoryChangedEvent("rep-a", List.of(), List.of(), List.of(), 0, "manager"));
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE));
        given.when(reverse(givenEventIds().get(1)))
                .expectNoEvents()
                .expectException(rejectedWith(ErrorCode.REP_AT_CAPACITY));
    }

    @Test
    void reversingTheLatestChangeMovesTheCreditOfTheDealsClosedWhileItStood() {
        Instant beforeMove = FIRST_MOVE.minus(Duration.ofDays(1));
        Instant whileItStood = FIRST_MOVE.plus(Duration.ofDays(1));
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), deal("d-before", beforeMove, "rep-a"),
                moved("rep-a", "rep-b", FIRST_MOVE), deal("d-during", whileItStood, "rep-b"));
        String transfer = givenEventIds().get(2);
        given.when(reverse(transfer))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, transfer, "rep-b", "rep-a", REGISTERED, "录错了",
                                "manager"),
                        new DealCreditMovedEvent(ID, "d-during", "rep-b", "rep-a", transfer, "manager"));
    }

    @Test
    void reversingAClaimLeavesTheDealsItStoodForCreditedToNobody() {
        Instant whileItStood = FIRST_MOVE.plus(Duration.ofDays(1));
        TestExecutor<Customer> given = fixture.given(registered(null), new CustomerClaimedEvent(ID, "rep-a", FIRST_MOVE,
                "rep-a"), deal("d-1", whileItStood, "rep-a"));
        String claim = givenEventIds().get(1);
        given.when(reverse(claim))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, claim, "rep-a", null, REGISTERED, "录错了", "manager"),
                        new DealCreditMovedEvent(ID, "d-1", "rep-a", null, claim, "manager"));
    }

    @Test
    void reversingAnEarlierChangeMovesOnlyTheDealsClosedUntilTheNextChange() {
        Instant duringMistake = FIRST_MOVE.plus(Duration.ofDays(1));
        Instant afterNextChange = SECOND_MOVE.plus(Duration.ofDays(1));
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                deal("d-mistake", duringMistake, "rep-b"), moved("rep-b", "rep-c", SECOND_MOVE),
                deal("d-later", afterNextChange, "rep-c"));
        String mistake = givenEventIds().get(1);
        given.when(reverse(mistake))
                .expectEvents(new PastOwnershipChangeReversedEvent(ID, mistake, "rep-b", "rep-a", FIRST_MOVE, SECOND_MOVE,
                                "录错了", "manager"),
                        new DealCreditMovedEvent(ID, "d-mistake", "rep-b", "rep-a", mistake, "manager"));
    }

    /** A moved credit is where the next reversal starts from: it moves the deal on from its new rep, once. */
    @Test
    void aSecondReversalMovesTheCreditOnFromWhereTheFirstLeftIt() {
        Instant afterSecondMove = SECOND_MOVE.plus(Duration.ofDays(1));
        TestExecutor<Customer> given = fixture.given(registered("rep-a"), moved("rep-a", "rep-b", FIRST_MOVE),
                moved("rep-b", "rep-c", SECOND_MOVE), deal("d-1", afterSecondMove, "rep-c"));
        List<String> ids = givenEventIds();
        given.andGiven(new CustomerOwnershipReversedEvent(ID, ids.get(2), "rep-c", "rep-b", FIRST_MOVE, "录错了", "manager"),
                        new DealCreditMovedEvent(ID, "d-1", "rep-c", "rep-b", ids.get(2), "manager"))
                .when(reverse(ids.get(1)))
                .expectEvents(new CustomerOwnershipReversedEvent(ID, ids.get(1), "rep-b", "rep-a", REGISTERED, "录错了",
                                "manager"),
                        new DealCreditMovedEvent(ID, "d-1", "rep-b", "rep-a", ids.get(1), "manager"));
    }
}
