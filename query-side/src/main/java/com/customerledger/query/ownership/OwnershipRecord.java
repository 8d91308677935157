package com.customerledger.query.ownership;

import java.time.Instant;

/**
 * One ownership change as the ledger recorded it: the new owner (null: public pool) from
 * {@code effectiveAt} on, learnt at {@code recordedAt}. A reversal names the change it voids in
 * {@code reverses}.
 */
public record OwnershipRecord(
        long sequence,
        String eventId,
        String fromRepId,
        String toRepId,
        String reason,
        Instant effectiveAt,
        Instant recordedAt,
        String authorizedBy,
        String rule,
        String batchId,
        String reverses) {
}
