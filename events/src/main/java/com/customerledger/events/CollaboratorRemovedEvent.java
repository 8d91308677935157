package com.customerledger.events;

import org.axonframework.serialization.Revision;

/** A collaborator lost their role on a customer; {@code batchId} names the departure that removed it, if any. */
@Revision("1")
public record CollaboratorRemovedEvent(String customerId, String repId, String removedBy, String batchId) {
}
