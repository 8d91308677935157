package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The calling rep takes a customer out of the public pool. Exactly one of several racing claims wins. */
public record ClaimCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, Actor actor) {
}
