package com.customerledger.query.visit;

import java.math.BigDecimal;
import java.time.Instant;

/** One recorded trade with a customer, and the rep it is credited to (the owner when it closed, or after a reversal). */
public record DealView(String dealId, String customerId, String productLine, BigDecimal amount, BigDecimal margin,
                       Instant closedAt, String creditedRepId) {
}
