package com.customerledger.command.customer;

import static com.customerledger.command.Actors.rep;

import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.command.pool.PoolRules;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.PoolPolicySetEvent;
import com.customerledger.events.Region;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Neglected customers go back to the public pool: a reminder first, the release after, nothing if someone acted. */
class CustomerPoolTest {

    private static final String ID = "c-pool";
    private static final CustomerProfile PROFILE = new CustomerProfile("沉睡养殖场", CustomerType.FARM,
            new Region("山东省", "潍坊市", "寿光市"), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private AggregateTestFixture<Customer> fixture;
    private LookupTables lookups;
    private Instant start;

    /** The aggregate's clock follows the fixture's, so "now" moves when the test lets time elapse. */
    private static Clock following(AggregateTestFixture<?> fixture) {
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
        lookups = new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10);
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(1, 30, 90, 5, "admin"));
        fixture = new AggregateTestFixture<>(Customer.class);
        lookups.serve(fixture);
        fixture.registerInjectableResource(following(fixture));
        start = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }

    private CustomerRegisteredEvent inPool() {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, null, start.minus(Duration.ofDays(100)), "manager");
    }

    private static CustomerReleasedEvent releasedByPoolRules(Instant releaseAt) {
        return new CustomerReleasedEvent(ID, "rep-a", "POOL_RULE: no activity or deal until " + releaseAt
                + " (pool policy v1)", releaseAt, Customer.SYSTEM_POOL_RULES, null);
    }

    @Test
    void claimingSchedulesReminderAndRelease() {
        fixture.given(inPool())
                .when(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(25)), PoolRules.REMINDER)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolRules.RELEASE);
    }

    @Test
    void neglectedCustomerIsRemindedFirst() {
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .whenTimeElapses(Duration.ofDays(26))
                .expectTriggeredDeadlinesWithName(PoolRules.REMINDER)
                .expectEvents(new CustomerPoolReminderIssuedEvent(ID, "rep-a", start.plus(Duration.ofDays(30)), 1));
    }

    @Test
    void neglectedCustomerIsReleasedAfterTheReminder() {
        Instant releaseAt = start.plus(Duration.ofDays(30));
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolRules.REMINDER, PoolRules.RELEASE)
                .expectEvents(new CustomerPoolReminderIssuedEvent(ID, "rep-a", releaseAt, 1),
                        releasedByPoolRules(releaseAt));
    }

    @Test
    void eachActivityReplacesTheDeadlinesInsteadOfAddingMore() {
        Instant releaseAt = start.plus(Duration.ofDays(30));
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")),
                        new UpdateCustomerProfileCommand(new CustomerId(ID), null, null, null, "寿光市洛城街道", null, null,
                                null, null, null, null, null, null, rep("rep-a")))
                .whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolRules.REMINDER, PoolRules.RELEASE)
                .expectEvents(new CustomerPoolReminderIssuedEvent(ID, "rep-a", releaseAt, 1),
                        releasedByPoolRules(releaseAt));
    }

    @Test
    void releasingTheCustomerCancelsItsDeadlines() {
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")))
                .when(new ReleaseCustomerCommand(new CustomerId(ID), "不做了", rep("rep-a")))
                .expectEvents(new CustomerReleasedEvent(ID, "rep-a", "不做了", start, "rep-a", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void customerReleasedByItsOwnerGetsNoReminderOrReleaseLater() {
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")),
                        new ReleaseCustomerCommand(new CustomerId(ID), "不做了", rep("rep-a")))
                .whenTimeElapses(Duration.ofDays(40))
                .expectNoEvents()
                .expectTriggeredDeadlines()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLongerPolicyPostponesTheRelease() {
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")));
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 60, 90, 5, "admin"));
        fixture.whenTimeElapses(Duration.ofDays(31))
                .expectTriggeredDeadlinesWithName(PoolRules.REMINDER, PoolRules.RELEASE)
                .expectEvents(new CustomerPoolReminderIssuedEvent(ID, "rep-a", start.plus(Duration.ofDays(30)), 1))
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(60)), PoolRules.RELEASE)
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(55)), PoolRules.REMINDER);
    }

    @Test
    void aShorterPolicyReleasesAtTheOriginalTime() {
        fixture.given(inPool())
                .andGivenCommands(new ClaimCustomerCommand(new CustomerId(ID), rep("rep-a")));
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(2, 20, 90, 5, "admin"));
        fixture.whenTimeElapses(Duration.ofDays(21))
                .expectNoEvents()
                .expectTriggeredDeadlines()
                .expectScheduledDeadlineWithName(start.plus(Duration.ofDays(30)), PoolRules.RELEASE);
    }
}
