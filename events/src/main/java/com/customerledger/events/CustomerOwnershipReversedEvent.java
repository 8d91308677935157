package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A manager voided the customer's latest ownership change (the event {@code reversedEventId}, which
 * gave the customer to {@code fromRepId}) as a mistake: the customer is back with {@code toRepId}
 * (null: the pool) as if the change had never been made, so {@code effectiveAt} is when that owner
 * originally got it. History is not rewritten: the voided event stays, and this event says it no
 * longer counts from the time it was recorded.
 */
@Revision("1")
public record CustomerOwnershipReversedEvent(
        String customerId,
        String reversedEventId,
        String fromRepId,
        String toRepId,
        Instant effectiveAt,
        String reason,
        String authorizedBy) implements OwnershipChange {

    @Override
    public String newOwnerRepId() {
        return toRepId;
    }

    @Override
    public String previousOwnerRepId() {
        return fromRepId;
    }

    @Override
    public String reasonCode() {
        return "REVERSAL";
    }
}
