package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer entered the ledger, owned by {@code ownerRepId} or, when that is null, in the public
 * pool. {@code assignedByRule} names the assignment rule and policy version that chose the owner,
 * or is null when a person chose it.
 */
@Revision("1")
public record CustomerRegisteredEvent(
        String customerId,
        CustomerProfile profile,
        String ownerRepId,
        String assignedByRule,
        Instant effectiveAt,
        String registeredBy) implements OwnershipChange {

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
        return "REGISTERED";
    }
}
