package com.customerledger.api.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The period [from, to) of a report (funnel, leaderboard, audit of transfers). Either end may be
 * left out: {@code to} is then now, {@code from} thirty days before {@code to}.
 */
public record ReportingPeriod(Instant from, Instant to) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    /** The period the client asked for, with the defaults filled in; 400 unless {@code from} comes before {@code to}. */
    public static ReportingPeriod of(Instant from, Instant to, Clock clock) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_LENGTH);
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' must come before 'to'");
        }
        return new ReportingPeriod(start, end);
    }
}
