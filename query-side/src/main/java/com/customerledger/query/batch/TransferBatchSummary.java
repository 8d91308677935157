package com.customerledger.query.batch;

import com.customerledger.events.TransferReason;
import java.time.Instant;

/**
 * A departure ({@code kind} DEPARTURE) or bulk transfer (BULK) as listed: who started it, from and to
 * whom, whether it is still RUNNING or COMPLETED, and how many of its customers are {@code total}
 * and still {@code pending}. Its per-customer outcomes are at {@code GET /api/transfers/{batchId}}.
 */
public record TransferBatchSummary(String batchId, String kind, String fromRepId, String toRepId, boolean byRules,
                                   TransferReason reason, String startedBy, Instant startedAt, String status,
                                   Instant completedAt, long total, long pending) {
}
