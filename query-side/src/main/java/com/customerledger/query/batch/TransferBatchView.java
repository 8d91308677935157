package com.customerledger.query.batch;

import com.customerledger.events.TransferReason;
import java.time.Instant;
import java.util.List;

/**
 * A departure or bulk transfer and how far it got. {@code total} counts the customers to move
 * (collaborator roles are counted apart); {@code done} moved, {@code unassigned} went to the pool for
 * want of a rule, {@code unchanged} needed nothing, {@code failed} stayed where they were,
 * {@code pending} are still to do. {@code items} is one page of the per-customer outcomes.
 */
public record TransferBatchView(
        String batchId,
        String kind,
        String fromRepId,
        String toRepId,
        boolean byRules,
        TransferReason reason,
        String startedBy,
        Instant startedAt,
        String status,
        Instant completedAt,
        long total,
        long done,
        long unassigned,
        long unchanged,
        long failed,
        long pending,
        long collaborationsTotal,
        long collaborationsRemoved,
        List<TransferBatchItemView> items) {
}
