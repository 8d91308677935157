package com.customerledger.command.pool;

import com.customerledger.command.customer.CustomerId;
import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.VisitRecordedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * The pool rule as a process, one per customer from its registration on. Any activity recorded on
 * the customer (a visit, a deal, a new owner, a profile or collaborator change) restarts the
 * "without a visit" clock from the time it is recorded; "without a deal" counts from the last deal's
 * closing, or from when the current owner got the customer if that is later. Each restart replaces
 * the pending reminder and release (persisted deadlines, cancelled by id); a customer in the pool has
 * none. When one comes due, the process asks the Customer to remind its owner or to release it.
 *
 * <p>A deadline that fires is acted on only if it is the one pending: one cancelled too late, or
 * fired again after a restart, does nothing. A release that comes due under a pool policy that has
 * since grown longer is postponed to the later time instead.
 */
@Saga
@ProcessingGroup(PoolProcess.PROCESSING_GROUP)
public class PoolProcess {

    public static final String PROCESSING_GROUP = "pool-process";
    public static final String REMINDER = "pool-reminder";
    public static final String RELEASE = "pool-release";
    private static final String CUSTOMER_ID = "customerId";

    private String customerId;
    private String ownerRepId;
    /** When the current owner (or the pool) got the customer, in business time. */
    private Instant ownerSince;
    private Instant lastDealAt;
    /** When the last activity was recorded: the "without a visit" clock runs from it. */
    private Instant lastActivityAt;
    /** Counts restarts: the deadlines of an earlier one are stale. */
    private long restarts;
    private PoolDeadline pending;
    private String reminderId;
    private String releaseId;

    @StartSaga
    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(CustomerRegisteredEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        customerId = event.customerId();
        owned(event, pool, deadlines, clock);
    }

    /** Claims, transfers, releases and the reversal of the latest change; Axon calls the most specific handler. */
    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(OwnershipChange change, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        owned(change, pool, deadlines, clock);
    }

    private void owned(OwnershipChange change, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        ownerRepId = change.newOwnerRepId();
        ownerSince = change.effectiveAt();
        restart(pool, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(DealRecordedEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        if (lastDealAt == null || event.closedAt().isAfter(lastDealAt)) {
            lastDealAt = event.closedAt();
        }
        restart(pool, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(VisitRecordedEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        restart(pool, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(CustomerProfileUpdatedEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        restart(pool, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(CollaboratorAddedEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        restart(pool, deadlines, clock);
    }

    @SagaEventHandler(associationProperty = CUSTOMER_ID)
    void on(CollaboratorRemovedEvent event, PoolRules pool, DeadlineManager deadlines, Clock clock) {
        restart(pool, deadlines, clock);
    }

    /** Something happened to the customer: its deadlines start again from now (none while in the pool or without a policy). */
    private void restart(PoolRules pool, DeadlineManager deadlines, Clock clock) {
        cancelPending(deadlines);
        restarts++;
        lastActivityAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        scheduleFromLastActivity(pool, deadlines, null);
    }

    /** Schedules the reminder and release due after the last activity; in {@code scope}, or the current one if null. */
    private void scheduleFromLastActivity(PoolRules pool, DeadlineManager deadlines, ScopeDescriptor scope) {
        if (ownerRepId == null) {
            return;
        }
        Instant dealClockFrom = lastDealAt != null && lastDealAt.isAfter(ownerSince) ? lastDealAt : ownerSince;
        pool.current().ifPresent(settings -> schedule(deadlines, settings, new PoolDeadline(ownerRepId, restarts,
                lastActivityAt, dealClockFrom, settings.releaseAt(lastActivityAt, dealClockFrom), settings.version()), scope));
    }

    private void cancelPending(DeadlineManager deadlines) {
        if (reminderId != null) {
            deadlines.cancelSchedule(REMINDER, reminderId);
        }
        if (releaseId != null) {
            deadlines.cancelSchedule(RELEASE, releaseId);
        }
        pending = null;
        reminderId = null;
        releaseId = null;
    }

    private void schedule(DeadlineManager deadlines, PoolRules.Settings settings, PoolDeadline deadline,
                          ScopeDescriptor scope) {
        pending = deadline;
        reminderId = settings.reminderDaysBefore() == 0 ? null : schedule(deadlines,
                deadline.releaseAt().minus(Duration.ofDays(settings.reminderDaysBefore())), REMINDER, deadline, scope);
        releaseId = schedule(deadlines, deadline.releaseAt(), RELEASE, deadline, scope);
    }

    private static String schedule(DeadlineManager deadlines, Instant at, String name, PoolDeadline deadline,
                                   ScopeDescriptor scope) {
        return scope == null ? deadlines.schedule(at, name, deadline) : deadlines.schedule(at, name, deadline, scope);
    }

    /**
     * The process of a customer registered before the pool rule ran as a process, rebuilt from the
     * customer's stored events as its handlers would have built it, an activity counting from when its
     * event was stored; then its deadlines are scheduled in the scope of saga {@code sagaId}. The
     * events that restart the clock are those the handlers above take.
     */
    static PoolProcess resumedFrom(String customerId, List<? extends EventMessage<?>> events, String sagaId,
                                   PoolRules pool, DeadlineManager deadlines) {
        PoolProcess process = new PoolProcess();
        process.customerId = customerId;
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof OwnershipChange change) {
                process.ownerRepId = change.newOwnerRepId();
                process.ownerSince = change.effectiveAt();
            } else if (payload instanceof DealRecordedEvent deal
                    && (process.lastDealAt == null || deal.closedAt().isAfter(process.lastDealAt))) {
                process.lastDealAt = deal.closedAt();
            }
            if (payload instanceof OwnershipChange || payload instanceof DealRecordedEvent
                    || payload instanceof VisitRecordedEvent || payload instanceof CustomerProfileUpdatedEvent
                    || payload instanceof CollaboratorAddedEvent || payload instanceof CollaboratorRemovedEvent) {
                process.restarts++;
                process.lastActivityAt = event.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
            }
        }
        process.scheduleFromLastActivity(pool, deadlines, new SagaScopeDescriptor(PoolProcess.class.getSimpleName(), sagaId));
        return process;
    }

    @DeadlineHandler(deadlineName = REMINDER)
    void remind(PoolDeadline deadline, CommandGateway commands) {
        if (deadline.equals(pending)) {
            reminderId = null;
            commands.sendAndWait(new RemindOfPoolReleaseCommand(new CustomerId(customerId), deadline.ownerRepId(),
                    deadline.releaseAt(), deadline.policyVersion()));
        }
    }

    @DeadlineHandler(deadlineName = RELEASE)
    void release(PoolDeadline deadline, PoolRules pool, DeadlineManager deadlines, CommandGateway commands) {
        if (!deadline.equals(pending)) {
            return;
        }
        releaseId = null;
        PoolRules.Settings settings = pool.current().orElse(null);
        Instant due = settings == null ? deadline.releaseAt() : settings.releaseAt(deadline.activityAt(), deadline.dealClockFrom());
        if (due.isAfter(deadline.releaseAt())) {
            cancelPending(deadlines);
            schedule(deadlines, settings, new PoolDeadline(deadline.ownerRepId(), deadline.activity(),
                    deadline.activityAt(), deadline.dealClockFrom(), due, settings.version()), null);
            return;
        }
        commands.sendAndWait(new ReleaseNeglectedCustomerCommand(new CustomerId(customerId), deadline.ownerRepId(),
                deadline.releaseAt(), deadline.policyVersion()));
    }
}
