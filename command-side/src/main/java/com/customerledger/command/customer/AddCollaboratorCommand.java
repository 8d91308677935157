package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.CollaboratorRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give another rep a role on a customer (or change the role they have); giving the role they already have appends nothing. */
public record AddCollaboratorCommand(
        @TargetAggregateIdentifier CustomerId customerId, String repId, CollaboratorRole role, Actor actor) {
}
