package com.customerledger.query.analytics;

import com.customerledger.events.SalesPeriod;
import java.time.Instant;

/**
 * Per rep, in [{@code from}, {@code to}): value won, deals credited, visits made; with {@code period} (whose
 * bounds {@code from} and {@code to} then are), each rep's target for it and how far the deals reach it.
 */
public record LeaderboardQuery(Instant from, Instant to, SalesPeriod period) {

    public LeaderboardQuery(Instant from, Instant to) {
        this(from, to, null);
    }
}
