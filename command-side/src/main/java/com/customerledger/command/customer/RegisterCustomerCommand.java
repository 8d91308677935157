package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.CustomerProfile;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a customer, owned by {@code ownerRepId}; a rep registering a lead becomes its owner; a
 * manager who names no owner lets the active assignment rules choose (or leave it in the pool). Refused as a duplicate when another customer has the same
 * credit code, phone, or normalized name in the same county. Repeating the command with the same id
 * and data returns the first result and appends nothing.
 */
public record RegisterCustomerCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        CustomerProfile profile,
        String ownerRepId,
        Actor actor) {
}
