package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A rep took a customer out of the public pool for themselves. */
@Revision("1")
public record CustomerClaimedEvent(String customerId, String repId, Instant effectiveAt, String claimedBy)
        implements OwnershipChange {

    @Override
    public String newOwnerRepId() {
        return repId;
    }

    @Override
    public String previousOwnerRepId() {
        return null;
    }

    @Override
    public String authorizedBy() {
        return claimedBy;
    }

    @Override
    public String reasonCode() {
        return "CLAIM";
    }
}
