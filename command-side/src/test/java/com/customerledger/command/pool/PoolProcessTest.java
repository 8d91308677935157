package com.customerledger.command.pool;

import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.GradeInputs;
import com.customerledger.events.PastOwnershipChangeReversedEvent;
import com.customerledger.events.PoolPolicySetEvent;
import com.customerledger.events.Region;
import com.customerledger.events.TransferReason;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pool rule as a process: a neglected customer's owner is reminded, then the customer is released;
 * any activity cancels the pending deadlines and sets later ones; a customer in the pool has none.
 */
class PoolProcessTest {

    private static final String ID = "c-pool";
    private static final CustomerProfile PROFILE = new CustomerProfile("沉睡养殖场", CustomerType.FARM,
            new Region("山东省", "潍坊市", "寿光市"), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private SagaTestFixture<PoolProcess> fixture;
    private LookupTables lookups;
    private Instant start;

    /** The process's clock follows the fixture's, so "now" moves when the test lets time elapse. */
    private static Clock following(SagaTestFixture<?> fixture) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return fixture.currentTime();
            }
        };
    }

    @BeforeEach
    void setUp() {
        lookups = new LookupTables();
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(1, 30, 90, 5, "admin"));
        fixture = new SagaTestFixture<>(PoolProcess.class);
        fixture.registerResource(lookups.pool);
        fixture.registerResource(following(fixture));
        start = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }

    private CustomerRegisteredEvent inPool() {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, null, start.minus(Duration.ofDays(100)), "manager");
    }

    private CustomerClaimedEvent claimedByRepA() {
        return new CustomerClaimedEvent(ID, "rep-a", start, "rep-a");
    }

    private static VisitRecordedEvent visit(String visitId) {
        return new VisitRecordedEvent(ID, visitId, "rep-a", Instant.parse("2020-01-01T00:00:00Z"), VisitChannel.PHONE,
                "问候", null, null, null, "rep-a");
    }

    private static ReleaseNeglectedCustomerCommand release(Instant releaseAt) {
        return new ReleaseNeglectedCustomerCommand(new CustomerId(ID), "rep-a", releaseAt, 1);
    }

    private static RemindOfPoolReleaseCommand reminder(Instant releaseAt) {
        return new RemindOfPoolReleaseCommand(new CustomerId(ID), "rep-a", releaseAt, 1);
    }

    @Test
    void claimingSchedulesReminderAndRelease() throws Exception {
        fixture.givenAggregate(ID).published(inPool())
                .whenAggregate(ID).publishes(claimedByRepA())
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(25)), PoolProcess.REMINDER)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE)
                .expectNoDispatchedCommands();
    }

    @Test
    void aCustomerRegisteredIntoThePoolHasNoDeadlines() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(inPool())
                .expectActiveSagas(1)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCustomerRegisteredForARepHasDeadlinesFromItsRegistration() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(CustomerRegisteredEvent.byPerson(ID, PROFILE, "rep-a", start, "manager"))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE);
    }

    @Test
    void neglectedCustomerIsRemindedFirst() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .whenTimeElapses(Duration.ofDays(26))
                .expectTriggeredDeadlinesWithName(PoolProcess.REMINDER)
                .expectDispatchedCommands(reminder(start.plus(Duration.ofDays(30))))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE);
    }

    @Test
    void neglectedCustomerIsReleasedAfterTheReminder() throws Exception {
        Instant releaseAt = start.plus(Duration.ofDays(30));
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolProcess.REMINDER, PoolProcess.RELEASE)
                .expectDispatchedCommands(reminder(releaseAt), release(releaseAt))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theReleaseItselfEndsTheDeadlinesUntilTheNextOwner() throws Exception {
        Instant releaseAt = start.plus(Duration.ofDays(30));
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(31))
                .whenAggregate(ID).publishes(new CustomerReleasedEvent(ID, "rep-a", "POOL_RULE", releaseAt,
                        "system:pool-rules", null))
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void aVisitInTimeCancelsTheDeadlinesAndSetsLaterOnes() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(20))
                .whenAggregate(ID).publishes(visit("v1"))
                .expectNoScheduledDeadlineWithName(start.plus(Duration.ofDays(25)), PoolProcess.REMINDER)
                .expectNoScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(45)), PoolProcess.REMINDER)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(50)), PoolProcess.RELEASE);
    }

    @Test
    void aVisitedCustomerIsNeitherRemindedNorReleasedAtTheOriginalTime() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(20))
                .andThenAggregate(ID).published(visit("v1"))
                .whenTimeElapses(Duration.ofDays(11))
                .expectTriggeredDeadlines()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(50)), PoolProcess.RELEASE);
    }

    @Test
    void eachActivityReplacesTheDeadlinesInsteadOfAddingMore() throws Exception {
        Instant releaseAt = start.plus(Duration.ofDays(30));
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA(),
                        new CollaboratorAddedEvent(ID, "rep-b", CollaboratorRole.VIEWER, "rep-a"), visit("v1"))
                .whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolProcess.REMINDER, PoolProcess.RELEASE)
                .expectDispatchedCommands(reminder(releaseAt), release(releaseAt));
    }

    @Test
    void releasingTheCustomerCancelsItsDeadlines() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .whenAggregate(ID).publishes(new CustomerReleasedEvent(ID, "rep-a", "不做了", start, "rep-a", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void customerReleasedByItsOwnerGetsNoReminderOrReleaseLater() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA(),
                        new CustomerReleasedEvent(ID, "rep-a", "不做了", start, "rep-a", null))
                .whenTimeElapses(Duration.ofDays(40))
                .expectTriggeredDeadlines()
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aTransferRestartsTheDeadlinesForTheNewOwner() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(10))
                .andThenAggregate(ID).published(CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b",
                        TransferReason.REBALANCE, start.plus(Duration.ofDays(10)), null, "manager", null))
                .whenTimeElapses(Duration.ofDays(40))
                .expectTriggeredDeadlinesWithName(PoolProcess.REMINDER, PoolProcess.RELEASE)
                .expectDispatchedCommands(
                        new RemindOfPoolReleaseCommand(new CustomerId(ID), "rep-b", start.plus(Duration.ofDays(40)), 1),
                        new ReleaseNeglectedCustomerCommand(new CustomerId(ID), "rep-b", start.plus(Duration.ofDays(40)), 1));
    }

    @Test
    void aDealRestartsTheNoDealClockFromItsClosing() throws Exception {
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 90, 30, 5, "admin"));
        Instant closed = start.plus(Duration.ofDays(5));
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(20))
                .whenAggregate(ID).publishes(new DealRecordedEvent(ID, "d1", "feed", BigDecimal.TEN, BigDecimal.ONE, closed,
                        "rep-a", "manager"))
                .expectScheduledDeadlineWithName(closed.plus(Duration.ofDays(30)), PoolProcess.RELEASE)
                .expectNoScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE);
    }

    @Test
    void withoutADealTheNoDealClockRunsFromWhenTheOwnerGotTheCustomer() throws Exception {
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 90, 30, 5, "admin"));
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(20))
                .whenAggregate(ID).publishes(visit("v1"))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE);
    }

    @Test
    void gradeChangesAndCorrectionsOfHistoryRestartNothing() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .andThenTimeElapses(Duration.ofDays(10))
                .andThenAggregate(ID).published(new CustomerGradeChangedEvent(ID, null, Grade.B, new GradeInputs(start,
                        BigDecimal.ZERO, BigDecimal.ZERO, 0, 0), null, true, "年度评审", "manager"))
                .whenAggregate(ID).publishes(new PastOwnershipChangeReversedEvent(ID, "e-old", "rep-x", null,
                        start.minus(Duration.ofDays(50)), start.minus(Duration.ofDays(40)), "录错", "manager"))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(25)), PoolProcess.REMINDER);
    }

    @Test
    void reversingTheClaimSendsTheCustomerBackToThePoolWithoutDeadlines() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA())
                .whenAggregate(ID).publishes(new CustomerOwnershipReversedEvent(ID, "e-claim", "rep-a", null,
                        start.minus(Duration.ofDays(100)), "误领", "manager"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLongerPolicyPostponesTheRelease() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA());
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 60, 90, 5, "admin"));
        fixture.whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolProcess.REMINDER, PoolProcess.RELEASE)
                .expectDispatchedCommands(reminder(start.plus(Duration.ofDays(30))))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(60)), PoolProcess.RELEASE)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(55)), PoolProcess.REMINDER);
    }

    @Test
    void aShorterPolicyReleasesAtTheOriginalTime() throws Exception {
        fixture.givenAggregate(ID).published(inPool(), claimedByRepA());
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 20, 90, 5, "admin"));
        fixture.whenTimeElapses(Duration.ofDays(21))
                .expectTriggeredDeadlines()
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolProcess.RELEASE);
    }
}
