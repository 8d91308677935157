package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A customer went back to the public pool, given up by its owner or sent there by a manager. */
@Revision("1")
public record CustomerReleasedEvent(
        String customerId,
        String fromRepId,
        String reason,
        Instant effectiveAt,
        String releasedBy) implements OwnershipChange {

    @Override
    public String newOwnerRepId() {
        return null;
    }

    @Override
    public String previousOwnerRepId() {
        return fromRepId;
    }

    @Override
    public String authorizedBy() {
        return releasedBy;
    }

    @Override
    public String reasonCode() {
        return "RELEASE";
    }
}
