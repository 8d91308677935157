package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Put an owned customer back in the public pool, by its owner or a manager. */
public record ReleaseCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, String reason, Actor actor) {
}
