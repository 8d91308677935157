package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void ownership change {@code eventId} of the customer as a mistake (managers and admins). */
public record ReverseOwnershipChangeCommand(@TargetAggregateIdentifier CustomerId customerId, String eventId,
                                            String reason, Actor actor) {
}
