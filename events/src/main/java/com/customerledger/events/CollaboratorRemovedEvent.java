package com.customerledger.events;

import org.axonframework.serialization.Revision;

/** A collaborator lost their role on a customer. */
@Revision("1")
public record CollaboratorRemovedEvent(String customerId, String repId, String removedBy) {
}
