package com.customerledger.query.ownership;

import com.customerledger.query.PageRequest;
import java.time.Instant;

/** The customers {@code repId} owned at the effective instant {@code asOf}, as the ledger knew it at {@code knownAt} (null: now). */
public record FindBookAsOfQuery(String repId, Instant asOf, Instant knownAt, PageRequest page) {
}
