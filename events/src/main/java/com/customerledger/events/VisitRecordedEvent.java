package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A rep recorded a contact with a customer: when, how, what was said ({@code notes}), what came of it,
 * and when to follow up. {@code repId} is the rep who made the contact; {@code recordedBy} the user.
 * {@code intent} is how likely the rep judged a purchase (HIGH asks the rep's manager to review it) and
 * {@code sampleRequest} a sample the customer asked for (the warehouse is asked to send it). Both were added
 * later as optional members: a visit stored before them reads with neither, which is what it meant.
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
        String recordedBy,
        VisitIntent intent,
        SampleRequest sampleRequest) {

    /** A visit with no intent judged and no sample asked for. */
    public VisitRecordedEvent(String customerId, String visitId, String repId, Instant visitedAt, VisitChannel channel,
                              String notes, String outcome, Instant nextFollowUpAt, GeoPoint location, String recordedBy) {
        this(customerId, visitId, repId, visitedAt, channel, notes, outcome, nextFollowUpAt, location, recordedBy, null, null);
    }
}
