package com.customerledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Receivables aging at {@code asOf}: the whole ledger's (or one rep's) buckets, each owner's, and a page of the
 * customers that owe, the largest debt first. {@code customers} counts every customer that owes, not only this page.
 */
public record Receivables(Instant asOf, String repId, ReceivablesAging.Buckets total, List<RepRow> reps,
                          List<CustomerRow> items, int page, int size, long customers) {

    /** What the customers a rep owns now owe. */
    public record RepRow(String repId, ReceivablesAging.Buckets buckets) {
    }

    /** What one customer owes, with its owner now, the oldest open due date and what it paid in advance. */
    public record CustomerRow(String customerId, String name, String ownerRepId, ReceivablesAging.Buckets buckets,
                              Instant oldestDueAt, BigDecimal advance) {
    }
}
