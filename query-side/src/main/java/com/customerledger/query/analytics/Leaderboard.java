package com.customerledger.query.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Reps ranked by value won in the period: opportunities won (by the rep who owned the customer when
 * the opportunity opened), deals credited (by the ownership history) and visits made.
 */
public record Leaderboard(Instant from, Instant to, List<Row> rows) {

    /** {@code target} and {@code attainment} (deal amount ÷ target) only when a period was asked for and has a target. */
    public record Row(String repId, BigDecimal wonValue, long opportunitiesWon, long deals, BigDecimal dealAmount,
                      long visits, BigDecimal target, BigDecimal attainment) {
    }
}
