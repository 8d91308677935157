package com.customerledger.query.credit;

import java.time.Instant;

/** A customer's credit account as it stands at {@code now} (what is overdue depends on it). */
public record FindCreditAccountQuery(String customerId, Instant now) {
}
