package com.customerledger.query.ownership;

import java.time.Instant;
import java.util.List;

/**
 * A rep's book at an effective instant, as the ledger knew it at {@code knownAt} (null: now): one page
 * of the customers they owned then, each with the ownership period that was in force.
 */
public record BookAsOfView(String repId, Instant asOf, Instant knownAt, Page owned) {

    public record Entry(String customerId, OwnershipPeriod period) {
    }

    /** One page of the book, by customer id, and how many customers it holds in all. */
    public record Page(List<Entry> items, int page, int size, long total) {
    }
}
