package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A customer moved to another owner, authorized by {@code authorizedBy}. {@code effectiveAt} may
 * lie before the time the ledger recorded the move (a backdated transfer). {@code batchId} names the
 * bulk transfer or departure this move belongs to, or is null for a single transfer. When the
 * assignment rules chose the new owner, {@code assignedByRule} and {@code policyVersion} say which.
 */
@Revision("1")
public record CustomerTransferredEvent(
        String customerId,
        String fromRepId,
        String toRepId,
        TransferReason reason,
        Instant effectiveAt,
        String note,
        String authorizedBy,
        String batchId,
        String assignedByRule,
        Integer policyVersion) implements OwnershipChange {

    /** A transfer to a rep a person chose. */
    public static CustomerTransferredEvent byPerson(String customerId, String fromRepId, String toRepId,
                                                    TransferReason reason, Instant effectiveAt, String note,
                                                    String authorizedBy, String batchId) {
        return new CustomerTransferredEvent(customerId, fromRepId, toRepId, reason, effectiveAt, note, authorizedBy, batchId,
                null, null);
    }

    @Override
    public String rule() {
        return assignedByRule == null ? null : assignedByRule + "@v" + policyVersion;
    }

    @Override
    public String newOwnerRepId() {
        return toRepId;
    }

    @Override
    public String previousOwnerRepId() {
        return fromRepId;
    }

    @Override
    public String reasonCode() {
        return reason.name();
    }
}
