package com.customerledger.command.customer;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.PastOwnershipChangeReversedEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A customer's ownership history, as a member of {@link Customer}: the ownership changes that still
 * count, registration first, in the order they were made (which is also effective-time order: a
 * change is never backdated before the one it follows). A reversal takes its change out. Who owns the
 * customer now, since when, and who owned it at any earlier instant (deals are credited by it) all
 * follow from this list.
 */
class Ownership {

    private final List<Step> steps = new ArrayList<>();
    /** Reversed change event id → the reversal's event id. */
    private final Map<String, String> reversals = new HashMap<>();

    /** One ownership change: from {@code effectiveAt} on, {@code owner} (null: the pool) owns the customer. */
    record Step(String eventId, String owner, Instant effectiveAt) {
    }

    /** The owner now, or null while the customer is in the pool. */
    String owner() {
        return latest().owner();
    }

    /** When the current owner (or the pool) got the customer, in business time. */
    Instant since() {
        return latest().effectiveAt();
    }

    /** When the customer was registered, in business time: no history of it lies earlier. */
    Instant registeredAt() {
        return steps.get(0).effectiveAt();
    }

    private Step latest() {
        return steps.get(steps.size() - 1);
    }

    String describeOwner() {
        return owner() == null ? "in the public pool" : "owned by rep " + owner();
    }

    /** Who owned the customer at effective time {@code instant} (null: the pool, or not yet registered). */
    String ownerAt(Instant instant) {
        for (int index = steps.size() - 1; index >= 0; index--) {
            if (!steps.get(index).effectiveAt().isAfter(instant)) {
                return steps.get(index).owner();
            }
        }
        return null;
    }

    /**
     * The effective time of a new change: now, or a requested earlier time (to the millisecond), but
     * never ahead of now and never before the last change.
     */
    Instant effectiveTime(Instant requestedAt, Instant now) {
        if (requestedAt == null) {
            return now;
        }
        Instant requested = requestedAt.truncatedTo(ChronoUnit.MILLIS);
        if (requested.isAfter(now)) {
            throw RejectedException.of(ErrorCode.EFFECTIVE_TIME_IN_FUTURE,
                    "effectiveAt " + requested + " lies in the future; ownership cannot be changed ahead of time",
                    "now", now.toString());
        }
        if (requested.isBefore(since())) {
            throw RejectedException.of(ErrorCode.EFFECTIVE_TIME_BEFORE_LAST_CHANGE,
                    "effectiveAt " + requested + " lies before the last ownership change at " + since(),
                    "lastChangeAt", since().toString());
        }
        return requested;
    }

    /** What reversing change {@code eventId} voids: the change, the one before it, and the one after (null if latest). */
    record Reversible(Step voided, Step before, Step after) {
    }

    /** Refused unless {@code eventId} is a change after registration that still counts. */
    Reversible reversible(String eventId, String customerId) {
        for (int index = 1; index < steps.size(); index++) {
            if (steps.get(index).eventId().equals(eventId)) {
                return new Reversible(steps.get(index), steps.get(index - 1),
                        index < steps.size() - 1 ? steps.get(index + 1) : null);
            }
        }
        String why = steps.get(0).eventId().equals(eventId) ? "it is the registration, which has no earlier owner"
                : reversals.containsKey(eventId) ? "it was already reversed by event " + reversals.get(eventId)
                : reversals.containsValue(eventId) ? "it is itself a reversal"
                : "it is not an ownership change of this customer";
        throw RejectedException.of(ErrorCode.CHANGE_NOT_REVERSIBLE, "event " + eventId + " of customer " + customerId
                + " cannot be reversed: " + why, "reversedByEventId", reversals.get(eventId));
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event, EventMessage<?> message) {
        steps.add(new Step(message.getIdentifier(), event.ownerRepId(), event.effectiveAt()));
    }

    /** Claims, transfers and releases; Axon calls the most specific handler, so registrations and reversals go to their own. */
    @EventSourcingHandler
    void on(OwnershipChange change, EventMessage<?> message) {
        steps.add(new Step(message.getIdentifier(), change.newOwnerRepId(), change.effectiveAt()));
    }

    @EventSourcingHandler
    void on(CustomerOwnershipReversedEvent event, EventMessage<?> message) {
        voided(event.reversedEventId(), message);
    }

    @EventSourcingHandler
    void on(PastOwnershipChangeReversedEvent event, EventMessage<?> message) {
        voided(event.reversedEventId(), message);
    }

    /** The change drops out of the list, as if it had never been made; deals are credited accordingly from now on. */
    private void voided(String eventId, EventMessage<?> reversal) {
        steps.removeIf(step -> step.eventId().equals(eventId));
        reversals.put(eventId, reversal.getIdentifier());
    }
}
