package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.CustomerProfile;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a customer, owned by {@code ownerRepId}; a rep registering a lead becomes its owner; a
 * manager who names no owner lets the active assignment rules choose (or leave it in the pool). Refused as a duplicate when another customer has the same
 * credit code, phone, or normalized name in the same county. Repeating the command with the same id
 * and data returns the first result and appends nothing. An import names itself in {@code importId}
 * and may set the start of the ownership period ({@code effectiveAt}, never in the future; null: now).
 */
public record RegisterCustomerCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        CustomerProfile profile,
        String ownerRepId,
        Actor actor,
        Instant effectiveAt,
        String importId) {

    /** A registration through the API: effective now, no import. */
    public RegisterCustomerCommand(CustomerId customerId, CustomerProfile profile, String ownerRepId, Actor actor) {
        this(customerId, profile, ownerRepId, actor, null, null);
    }
}
