package com.customerledger.command;

import java.util.Set;

/**
 * The authenticated user a command is issued for, as the server established it: the user id, the
 * rep id when the user is a field rep, and the roles. Never taken from a request body.
 */
public record Actor(String userId, String repId, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    /** Managers and admins act for the company and may change any customer. */
    public boolean actsForCompany() {
        return roles.contains(Role.MANAGER) || roles.contains(Role.ADMIN);
    }

    public boolean isRep(String candidateRepId) {
        return repId != null && repId.equals(candidateRepId);
    }
}
