package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer entered the ledger, owned by {@code ownerRepId} or, when that is null, in the public
 * pool. When the assignment rules chose the owner, {@code assignedByRule} and {@code policyVersion}
 * name the rule and policy version that did; when the rules were asked but left the customer in the
 * pool, {@code unassignedReason} says why. All three are null when a person chose. A customer moved
 * in from a sheet names its import in {@code importId} (revision 2; null otherwise): its ownership
 * period then starts at the import's {@code effectiveAt}, authorized by the user who imported it,
 * with the reason IMPORT.
 */
@Revision("2")
public record CustomerRegisteredEvent(
        String customerId,
        CustomerProfile profile,
        String ownerRepId,
        String assignedByRule,
        Integer policyVersion,
        String unassignedReason,
        Instant effectiveAt,
        String registeredBy,
        String importId) implements OwnershipChange {

    /** A registration made through the API (not an import). */
    public CustomerRegisteredEvent(String customerId, CustomerProfile profile, String ownerRepId, String assignedByRule,
                                   Integer policyVersion, String unassignedReason, Instant effectiveAt,
                                   String registeredBy) {
        this(customerId, profile, ownerRepId, assignedByRule, policyVersion, unassignedReason, effectiveAt, registeredBy,
                null);
    }

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
        if (importId != null && assignedByRule == null) {
            return "IMPORT";
        }
        return assignedByRule == null ? "REGISTERED" : "ASSIGNED_BY_RULE";
    }

    @Override
    public String rule() {
        return assignedByRule == null ? null : assignedByRule + "@v" + policyVersion;
    }
}
