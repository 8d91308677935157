package com.customerledger.command.customer;

import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.OwnershipChange;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The reps with a role on a customer, as a member of {@link Customer}. An owner is never one of them. */
class Collaborators {

    private final Map<String, CollaboratorRole> roles = new HashMap<>();

    CollaboratorRole roleOf(String repId) {
        return roles.get(repId);
    }

    boolean has(String repId) {
        return repId != null && roles.containsKey(repId);
    }

    boolean canEdit(String repId) {
        return roles.get(repId) == CollaboratorRole.EDITOR;
    }

    @EventSourcingHandler
    void on(CollaboratorAddedEvent event) {
        roles.put(event.repId(), event.role());
    }

    @EventSourcingHandler
    void on(CollaboratorRemovedEvent event) {
        roles.remove(event.repId());
    }

    /**
     * Events stored before the command handlers ended a new owner's role with a
     * {@link CollaboratorRemovedEvent} carry the end of the role in the ownership change itself, and
     * the rep book and the read models have always read them so (reversals of the latest change
     * included). In newer streams the role is already gone when the change arrives, and this changes nothing.
     */
    @EventSourcingHandler
    void on(OwnershipChange change) {
        if (change.newOwnerRepId() != null) {
            roles.remove(change.newOwnerRepId());
        }
    }
}
