package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The sales funnel: per stage, how many opportunities reached it, the share of those that reached
 * the next stage, and the median days spent in it by those that moved on; then the won and lost
 * counts and the value won.
 */
public record FunnelView(Instant from, Instant to, long opportunities, List<Stage> stages, long won, long lost,
                         BigDecimal wonValue) {

    /** {@code conversionToNext} is null for the last stage or when nobody reached this one. */
    public record Stage(OpportunityStage stage, long reached, Double conversionToNext, Double medianDaysInStage) {
    }
}
