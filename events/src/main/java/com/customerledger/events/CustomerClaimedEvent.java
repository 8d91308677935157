package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A rep took a customer out of the public pool for themselves; {@code authorizedBy} is the user who
 * claimed. Revision 2 renamed revision 1's {@code claimedBy} to match every other ownership change
 * (see {@link com.customerledger.events.upcasting.ClaimedByRenamedUpcaster}).
 */
@Revision("2")
public record CustomerClaimedEvent(String customerId, String repId, Instant effectiveAt, String authorizedBy)
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
    public String reasonCode() {
        return "CLAIM";
    }
}
