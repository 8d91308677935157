package com.customerledger.events;

import org.axonframework.serialization.Revision;

/** A rep other than the owner got a role on a customer (or a new role, replacing the old one). */
@Revision("1")
public record CollaboratorAddedEvent(String customerId, String repId, CollaboratorRole role, String addedBy) {
}
