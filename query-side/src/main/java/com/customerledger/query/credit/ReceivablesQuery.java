package com.customerledger.query.credit;

import com.customerledger.query.PageRequest;
import java.time.Instant;

/**
 * What the customers owe at {@code asOf}, aged by days past their due date; only the customers owned by
 * {@code repId} now when it is given. {@code page} pages the customers, the largest debt first.
 */
public record ReceivablesQuery(String repId, Instant asOf, PageRequest page) {
}
