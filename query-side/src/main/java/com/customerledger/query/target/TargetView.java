package com.customerledger.query.target;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A sales target and how far it is reached: {@code actual} is the amount of the deals closed in the period (each
 * delivered order is a deal) credited to the rep, or of the customer; {@code attainment} is actual ÷ target
 * (1 = reached; null for a target of 0).
 */
public record TargetView(String targetId, String period, String repId, String customerId, BigDecimal target,
                         BigDecimal actual, BigDecimal attainment, String setBy, Instant setAt) {
}
