package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer entered the ledger, owned by {@code ownerRepId} or, when that is null, in the public
 * pool. When the assignment rules chose the owner, {@code assignedByRule} and {@code policyVersion}
 * name the rule and policy version that did; when the rules were asked but left the customer in the
 * pool, {@code unassignedReason} says why. All three are null when a person chose.
 */
@Revision("1")
public record CustomerRegisteredEvent(
        String customerId,
        CustomerProfile profile,
        String ownerRepId,
        String assignedByRule,
        Integer policyVersion,
        String unassignedReason,
        Instant effectiveAt,
        String registeredBy) implements OwnershipChange {

    /** A registration decided by a person: the given owner, or the pool. */
    public static CustomerRegisteredEvent byPerson(String customerId, CustomerProfile profile, String ownerRepId,
                                                   Instant effectiveAt, String registeredBy) {
        return new CustomerRegisteredEvent(customerId, profile, ownerRepId, null, null, null, effectiveAt, registeredBy);
    }

    @Override
    public String newOwnerRepId() {
        return ownerRepId;
    }

    @Override
    public String previousOwnerRepId() {
        return null;
    }

    @Override
    public String authorizedBy() {
        return registeredBy;
    }

    @Override
    public String reasonCode() {
        return assignedByRule == null ? "REGISTERED" : "ASSIGNED_BY_RULE";
    }

    @Override
    public String rule() {
        return assignedByRule == null ? null : assignedByRule + "@v" + policyVersion;
    }
}
