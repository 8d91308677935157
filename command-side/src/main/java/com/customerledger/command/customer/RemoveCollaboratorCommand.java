package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a collaborator's role on a customer away. Removing someone who has no role (again, or after
 * becoming the owner) appends nothing and answers false. {@code batchId} names the departure doing
 * it, if any.
 */
public record RemoveCollaboratorCommand(@TargetAggregateIdentifier CustomerId customerId, String repId, String batchId,
                                        Actor actor) {
}
