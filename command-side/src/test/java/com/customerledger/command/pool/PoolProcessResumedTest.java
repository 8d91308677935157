package com.customerledger.command.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.EventFeed;
import com.customerledger.command.LookupTables;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerReleasedEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.Grade;
import com.customerledger.events.GradeInputs;
import com.customerledger.events.PoolPolicySetEvent;
import com.customerledger.events.Region;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.test.deadline.ScheduledDeadlineInfo;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A process rebuilt from a customer's stored events sets the deadlines its handlers would have set. */
class PoolProcessResumedTest {

    private static final String ID = "c-old";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CustomerProfile PROFILE = new CustomerProfile("老养殖场", CustomerType.FARM,
            new Region("山东省", null, null), null, null, null, List.of(), null, List.of(), List.of(), List.of(), null);

    private LookupTables lookups;
    private StubDeadlineManager deadlines;

    @BeforeEach
    void setUp() {
        lookups = new LookupTables();
        EventFeed.feed(lookups.pool, new PoolPolicySetEvent(1, 30, 40, 5, "admin"));
        deadlines = new StubDeadlineManager(T0);
    }

    private static EventMessage<?> storedAt(Instant at, Object payload) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, Map.of(), at);
    }

    private static EventMessage<?> registeredInPool() {
        return storedAt(T0, CustomerRegisteredEvent.byPerson(ID, PROFILE, null, T0, "manager"));
    }

    @Test
    void countsFromTheLastActivityStoredAndTheLastDeal() {
        Instant claimed = T0.plus(Duration.ofDays(1));
        Instant visited = T0.plus(Duration.ofDays(10));
        Instant dealClosed = T0.plus(Duration.ofDays(2));
        List<EventMessage<?>> stream = List.of(registeredInPool(),
                storedAt(claimed, new CustomerClaimedEvent(ID, "rep-a", claimed, "rep-a")),
                storedAt(dealClosed.plusSeconds(60), new DealRecordedEvent(ID, "d1", "feed", BigDecimal.TEN, BigDecimal.ONE,
                        dealClosed, "rep-a", "rep-a")),
                storedAt(visited, new VisitRecordedEvent(ID, "v1", "rep-a", visited, VisitChannel.PHONE, "问候", null, null,
                        null, "rep-a")),
                storedAt(T0.plus(Duration.ofDays(12)), new CustomerGradeChangedEvent(ID, null, Grade.B,
                        new GradeInputs(T0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0), null, true, "年度评审", "manager")));

        PoolProcess.resumedFrom(ID, stream, "saga-1", lookups.pool, deadlines);

        // without a visit: 30 days from the visit (day 40); without a deal: 40 days from the deal (day 42)
        Instant releaseAt = visited.plus(Duration.ofDays(30));
        assertThat(deadlines.getScheduledDeadlines()).extracting(ScheduledDeadlineInfo::getDeadlineName,
                        ScheduledDeadlineInfo::getScheduleTime)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PoolProcess.REMINDER,
                                releaseAt.minus(Duration.ofDays(5))),
                        org.assertj.core.groups.Tuple.tuple(PoolProcess.RELEASE, releaseAt));
        assertThat(deadlines.getScheduledDeadlines()).extracting(ScheduledDeadlineInfo::getDeadlineScope)
                .containsOnly(new SagaScopeDescriptor(PoolProcess.class.getSimpleName(), "saga-1"));
    }

    @Test
    void aCustomerInThePoolGetsNoDeadlines() {
        Instant claimed = T0.plus(Duration.ofDays(1));
        PoolProcess.resumedFrom(ID, List.of(registeredInPool(),
                storedAt(claimed, new CustomerClaimedEvent(ID, "rep-a", claimed, "rep-a")),
                storedAt(claimed.plusSeconds(5), new CustomerReleasedEvent(ID, "rep-a", "不做了", claimed.plusSeconds(5),
                        "rep-a", null))), "saga-2", lookups.pool, deadlines);

        assertThat(deadlines.getScheduledDeadlines()).isEmpty();
    }
}
