package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A manager voided an earlier ownership change (the event {@code reversedEventId}, which gave the
 * customer to {@code fromRepId} at {@code effectiveAt}) as a mistake, after later changes had
 * already superseded it. Today's owner stays as it is; only the history changes: from
 * {@code effectiveAt} until {@code until} (when the next change took effect) the customer counts as
 * {@code toRepId}'s (null: the pool), the owner before the voided change. Nothing is rewritten: the
 * voided event stays, and this event says it no longer counts from the time it was recorded.
 */
@Revision("1")
public record PastOwnershipChangeReversedEvent(
        String customerId,
        String reversedEventId,
        String fromRepId,
        String toRepId,
        Instant effectiveAt,
        Instant until,
        String reason,
        String authorizedBy) {
}
