package com.customerledger.command.customer;

import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.LookupTables;
import com.customerledger.command.pool.ReleaseNeglectedCustomerCommand;
import com.customerledger.command.pool.RemindOfPoolReleaseCommand;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.TransferReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the pool process asks of a Customer: remind its owner, or release it, only while that rep still owns it. */
class CustomerPoolTest {

    private static final String ID = "c-pool";
    private static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant RELEASE_AT = NOW.minus(Duration.ofHours(1));
    private static final CustomerProfile PROFILE = new CustomerProfile("沉睡养殖场", CustomerType.FARM,
            new Region("山东省", "潍坊市", "寿光市"), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        new LookupTables().withRep("rep-a", 10).withRep("rep-b", 10).serve(fixture);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static CustomerRegisteredEvent inPool() {
        return CustomerRegisteredEvent.byPerson(ID, PROFILE, null, NOW.minus(Duration.ofDays(100)), "manager");
    }

    private static CustomerClaimedEvent claimedByRepA() {
        return new CustomerClaimedEvent(ID, "rep-a", NOW.minus(Duration.ofDays(31)), "rep-a");
    }

    @Test
    void canRemindTheOwnerOfANeglectedCustomer() {
        fixture.given(inPool(), claimedByRepA())
                .when(new RemindOfPoolReleaseCommand(new CustomerId(ID), "rep-a", RELEASE_AT, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerPoolReminderIssuedEvent(ID, "rep-a", RELEASE_AT, 1));
    }

    @Test
    void canReleaseANeglectedCustomerAsOfItsReleaseTime() {
        fixture.given(inPool(), claimedByRepA())
                .when(new ReleaseNeglectedCustomerCommand(new CustomerId(ID), "rep-a", RELEASE_AT, 1))
                .expectEvents(new CustomerReleasedEvent(ID, "rep-a", "POOL_RULE: no activity or deal until " + RELEASE_AT
                        + " (pool policy v1)", RELEASE_AT, Customer.SYSTEM_POOL_RULES, null));
    }

    @Test
    void cannotRemindOrReleaseForARepWhoNoLongerOwnsTheCustomer() {
        CustomerTransferredEvent toRepB = CustomerTransferredEvent.byPerson(ID, "rep-a", "rep-b", TransferReason.MANUAL,
                NOW.minus(Duration.ofDays(2)), null, "manager", null);
        fixture.given(inPool(), claimedByRepA(), toRepB)
                .when(new ReleaseNeglectedCustomerCommand(new CustomerId(ID), "rep-a", RELEASE_AT, 1))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.OWNER_CHANGED));
        fixture.given(inPool(), claimedByRepA(), toRepB)
                .when(new RemindOfPoolReleaseCommand(new CustomerId(ID), "rep-a", RELEASE_AT, 1))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.OWNER_CHANGED));
    }

    @Test
    void cannotReleaseACustomerAlreadyInThePool() {
        fixture.given(inPool())
                .when(new ReleaseNeglectedCustomerCommand(new CustomerId(ID), "rep-a", RELEASE_AT, 1))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.OWNER_CHANGED));
    }
}
