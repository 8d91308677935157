package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.SampleRequest;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitIntent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a contact with a customer, by its owner or an EDITOR collaborator. Repeating it with the
 * same {@code visitId} and data appends nothing; the same id with other data is refused. A HIGH
 * {@code intent} and a {@code sampleRequest} start work for others (a review, a sample to send).
 */
public record RecordVisitCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        String visitId,
        Instant visitedAt,
        VisitChannel channel,
        String notes,
        String outcome,
        Instant nextFollowUpAt,
        GeoPoint location,
        VisitIntent intent,
        SampleRequest sampleRequest,
        Actor actor) {

    /** A visit with no intent judged and no sample asked for. */
    public RecordVisitCommand(CustomerId customerId, String visitId, Instant visitedAt, VisitChannel channel, String notes,
                              String outcome, Instant nextFollowUpAt, GeoPoint location, Actor actor) {
        this(customerId, visitId, visitedAt, channel, notes, outcome, nextFollowUpAt, location, null, null, actor);
    }
}
