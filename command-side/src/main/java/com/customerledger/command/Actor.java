package com.customerledger.command;

import java.util.Set;

/**
 * The authenticated user a command is issued for, as the server established it: the user id, the
 * rep id when the user is a field rep, the roles, and the customer id a DEALER user acts as. Never
 * taken from a request body.
 */
public record Actor(String userId, String repId, Set<Role> roles, String customerId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** A user who is not a dealer. */
    public Actor(String userId, String repId, Set<Role> roles) {
        this(userId, repId, roles, null);
    }

    /** Whether this is the DEALER user of customer {@code candidateCustomerId}. */
    public boolean isDealerOf(String candidateCustomerId) {
        return customerId != null && roles.contains(Role.DEALER) && customerId.equals(candidateCustomerId);
    }

    /** Managers and admins act for the company and may change any customer. */
    public boolean actsForCompany() {
        return roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
    }

    public boolean isRep(String candidateRepId) {
        return repId != null && repId.equals(candidateRepId);
    }
}
