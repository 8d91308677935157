package com.customerledger.query.visit;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's deals closed since {@code since}: how many, their amount and their margin. */
public record DealsSummary(Instant since, long count, BigDecimal amount, BigDecimal margin) {
}
