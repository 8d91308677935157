package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a collaborator's role on a customer away; removing someone who has no role does nothing.
 * {@code batchId} names the departure doing it, if any.
 */
public record RemoveCollaboratorCommand(@TargetAggregateIdentifier CustomerId customerId, String repId, String batchId,
                                        Actor actor) {
}
