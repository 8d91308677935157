package com.customerledger.query.customer;

import com.customerledger.events.CollaboratorRole;

/** A rep with a role on a customer they do not own. */
public record CollaboratorView(String repId, CollaboratorRole role) {
}
