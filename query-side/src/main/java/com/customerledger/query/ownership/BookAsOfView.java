package com.customerledger.query.ownership;

import java.time.Instant;
import java.util.List;

/** A rep's book at an effective instant: each customer with the ownership period that was in force then. */
public record BookAsOfView(String repId, Instant asOf, Instant knownAt, long total, List<Entry> owned) {

    public record Entry(String customerId, OwnershipPeriod period) {
    }
}
