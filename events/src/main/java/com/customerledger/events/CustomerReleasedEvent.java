package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer went back to the public pool, given up by its owner, sent there by a manager, or by a
 * batch ({@code batchId}) whose rules found no one to take it.
 */
@Revision("1")
public record CustomerReleasedEvent(
        String customerId,
        String fromRepId,
        String reason,
        Instant effectiveAt,
        String releasedBy,
        String batchId) implements OwnershipChange {

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
