package com.customerledger.query.analytics;

import java.time.Instant;

/** Per rep, in [{@code from}, {@code to}): value won, deals credited, visits made. */
public record LeaderboardQuery(Instant from, Instant to) {
}
