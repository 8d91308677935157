package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.VisitChannel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a contact with a customer, by its owner or an EDITOR collaborator. Repeating it with the
 * same {@code visitId} and data appends nothing; the same id with other data is refused.
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
        Actor actor) {
}
