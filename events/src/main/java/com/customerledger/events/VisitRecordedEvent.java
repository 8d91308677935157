package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A rep recorded a contact with a customer: when, how, what was said ({@code notes}), what came of it,
 * and when to follow up. {@code repId} is the rep who made the contact; {@code recordedBy} the user.
 */
@Revision("1")
public record VisitRecordedEvent(
        String customerId,
        String visitId,
        String repId,
        Instant visitedAt,
        VisitChannel channel,
        String notes,
        String outcome,
        Instant nextFollowUpAt,
        GeoPoint location,
        String recordedBy) {
}
