package com.customerledger.command.grading;

import static com.customerledger.command.Actors.ADMIN;
import static com.customerledger.command.Actors.MANAGER;
import static com.customerledger.command.Actors.rep;
import static com.customerledger.command.Rejections.rejectedWith;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.command.customer.Customer;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.GradeInputs;
import com.customerledger.events.GradeThreshold;
import com.customerledger.events.GradingPolicySetEvent;
import com.customerledger.events.Region;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GradingTest {

    private static final Instant AS_OF = Instant.parse("2026-10-31T00:00:00Z");
    private static final String ID = "c-grade";
    private static final GradingPolicySetEvent POLICY = new GradingPolicySetEvent(1,
            new GradeThreshold(new BigDecimal("100000"), new BigDecimal("15000"), 6),
            new GradeThreshold(new BigDecimal("50000"), new BigDecimal("5000"), 3),
            new GradeThreshold(new BigDecimal("10000"), BigDecimal.ZERO, 1), "admin");

    private AggregateTestFixture<Customer> customers;
    private AggregateTestFixture<GradingPolicy> policies;
    private LookupTables lookups;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables().withRep("rep-a", 10);
        customers = new AggregateTestFixture<>(Customer.class);
        lookups.serve(customers);
        customers.registerInjectableResource(new GradingRules(lookups.jdbc));
        customers.registerInjectableResource(Clock.fixed(AS_OF, ZoneOffset.UTC));
        policies = new AggregateTestFixture<>(GradingPolicy.class);
    }

    private static CustomerRegisteredEvent registered() {
        return CustomerRegisteredEvent.byPerson(ID, new CustomerProfile("评级养殖场", CustomerType.FARM,
                new Region("山东省", null, null), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null),
                "rep-a", Instant.parse("2025-01-01T00:00:00Z"), "manager");
    }

    private static DealRecordedEvent deal(String id, String closedAt, String amount, String margin) {
        return new DealRecordedEvent(ID, id, "feed", new BigDecimal(amount), new BigDecimal(margin), Instant.parse(closedAt),
                "rep-a", "manager");
    }

    @Test
    void adminSetsMonotonicThresholds() {
        policies.givenNoPriorActivity()
                .when(SetGradingPolicyCommand.of(POLICY.s(), POLICY.a(), POLICY.b(), ADMIN))
                .expectEvents(new GradingPolicySetEvent(1, POLICY.s(), POLICY.a(), POLICY.b(), "admin"));
        policies.givenNoPriorActivity()
                .when(SetGradingPolicyCommand.of(POLICY.b(), POLICY.a(), POLICY.s(), ADMIN))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.INVALID_POLICY));
        policies.givenNoPriorActivity()
                .when(SetGradingPolicyCommand.of(POLICY.s(), POLICY.a(), POLICY.b(), MANAGER))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void regradingCountsTheTrailingTwelveMonthsAndExplainsTheInputs() {
        EventFeed.feed(new GradingRules(lookups.jdbc), POLICY);
        // 3 months with deals inside the window; the 2025 deal is older than twelve months
        customers.given(registered(), deal("d0", "2025-09-15T00:00:00Z", "90000", "20000"),
                        deal("d1", "2026-02-10T00:00:00Z", "30000", "3000"), deal("d2", "2026-05-10T00:00:00Z", "15000", "1500"),
                        deal("d3", "2026-05-20T00:00:00Z", "10000", "1000"), deal("d4", "2026-09-01T00:00:00Z", "5000", "600"))
                .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, false, ADMIN))
                .expectEvents(new CustomerGradeChangedEvent(ID, null, Grade.A, new GradeInputs(AS_OF, new BigDecimal("60000"),
                        new BigDecimal("6100"), 3, 4), 1, false, "grading policy v1", "admin"))
                .expectResultMessagePayload(Regrading.CHANGED);
    }

    @Test
    void anUnchangedGradeAppendsNothing() {
        EventFeed.feed(new GradingRules(lookups.jdbc), POLICY);
        customers.given(registered(), new CustomerGradeChangedEvent(ID, null, Grade.C, null, 1, false, "v1", "manager"))
                .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, false, ADMIN))
                .expectNoEvents().expectResultMessagePayload(Regrading.UNCHANGED);
    }

    @Test
    void aGradeSetByHandIsKeptUnlessIncluded() {
        EventFeed.feed(new GradingRules(lookups.jdbc), POLICY);
        CustomerGradeChangedEvent manual = new CustomerGradeChangedEvent(ID, null, Grade.S, null, null, true, "战略客户",
                "manager");
        customers.given(registered(), manual)
                .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, false, ADMIN))
                .expectNoEvents().expectResultMessagePayload(Regrading.MANUAL_KEPT);
        customers.given(registered(), manual)
                .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, true, ADMIN))
                .expectEvents(new CustomerGradeChangedEvent(ID, Grade.S, Grade.C, new GradeInputs(AS_OF, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0, 0), 1, false, "grading policy v1", "admin"));
    }

    @Test
    void onlyManagersOverrideAndTheOverrideKeepsItsReason() {
        customers.given(registered())
                .when(new OverrideGradeCommand(new CustomerId(ID), Grade.S, "战略客户", MANAGER))
                .expectEvents(new CustomerGradeChangedEvent(ID, null, Grade.S, new GradeInputs(AS_OF, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0, 0), null, true, "战略客户", "manager"));
        customers.given(registered())
                .when(new OverrideGradeCommand(new CustomerId(ID), Grade.S, "我觉得", rep("rep-a")))
                .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
    }

    @Test
    void noPolicyGradesNobody() {
        customers.given(registered())
                .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, false, ADMIN))
                .expectNoEvents().expectResultMessagePayload(Regrading.NO_POLICY);
    }

    @Test
    void cannotRegradeAsManagerOrRep() {
        EventFeed.feed(new GradingRules(lookups.jdbc), POLICY);
        for (com.customerledger.command.Actor notAdmin : List.of(MANAGER, rep("rep-a"))) {
            customers.given(registered(), deal("d1", "2026-09-01T00:00:00Z", "60000", "6000"))
                    .when(new RegradeCustomerCommand(new CustomerId(ID), AS_OF, false, notAdmin))
                    .expectNoEvents().expectException(rejectedWith(ErrorCode.NOT_ALLOWED));
        }
    }

    @Test
    void settingTheGradeItAlreadyHasByHandAppendsNothing() {
        customers.given(registered(), new CustomerGradeChangedEvent(ID, null, Grade.S, null, null, true, "战略客户",
                        "manager"))
                .when(new OverrideGradeCommand(new CustomerId(ID), Grade.S, "战略客户", MANAGER))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        // the same grade, but decided by the policy so far: setting it by hand is a change
        customers.given(registered(), new CustomerGradeChangedEvent(ID, null, Grade.S, null, 1, false, "grading policy v1",
                        "admin"))
                .when(new OverrideGradeCommand(new CustomerId(ID), Grade.S, "战略客户", MANAGER))
                .expectEvents(new CustomerGradeChangedEvent(ID, Grade.S, Grade.S, new GradeInputs(AS_OF, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0, 0), null, true, "战略客户", "manager"));
    }
}
