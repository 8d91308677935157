package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sales forecast (预测业绩): each open stage's win rate (learned, or the default while too few closed
 * opportunities reached it), and what the open opportunities are worth weighted by the rate of their stage.
 */
public record Forecast(Instant from, Instant to, List<Rate> rates, List<StageValue> stages, long openOpportunities,
                       BigDecimal expectedValue, BigDecimal weightedValue) {

    /** The share of the closed opportunities that reached {@code stage} and were won; {@code basis}: how many closed. */
    public record Rate(OpportunityStage stage, double rate, boolean learned, long basis, long won) {
    }

    /** The open opportunities standing at a stage: how many, their expected value, and that value weighted. */
    public record StageValue(OpportunityStage stage, long open, BigDecimal expectedValue, BigDecimal weightedValue) {
    }

    /** The open stages, in funnel order. */
    static final List<OpportunityStage> OPEN = List.of(OpportunityStage.LEAD, OpportunityStage.VISITED,
            OpportunityStage.SAMPLE_SENT, OpportunityStage.QUOTED);

    /** A closed opportunity as the rates count it: the furthest stage it reached, and whether it was won. */
    record Closed(OpportunityStage furthest, boolean won) {
    }

    /** An open opportunity: its stage now and its expected value (null: none given, counted as 0). */
    record Open(OpportunityStage stage, BigDecimal expectedValue) {
    }

    /** The forecast from known closed and open opportunities: one function, tested on known input. */
    static Forecast of(Instant from, Instant to, List<Closed> closed, List<Open> open, Map<OpportunityStage, Double> defaults,
                       int minClosed) {
        List<Rate> rates = new ArrayList<>();
        for (OpportunityStage stage : OPEN) {
            long basis = closed.stream().filter(c -> c.furthest().ordinal() >= stage.ordinal()).count();
            long won = closed.stream().filter(c -> c.won() && c.furthest().ordinal() >= stage.ordinal()).count();
            boolean learned = basis >= minClosed && basis > 0;
            double rate = learned ? Math.round(10_000.0 * won / basis) / 10_000.0 : defaults.getOrDefault(stage, 0.0);
            rates.add(new Rate(stage, rate, learned, basis, won));
        }
        List<StageValue> stages = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Rate rate : rates) {
            List<Open> here = open.stream().filter(o -> o.stage() == rate.stage()).toList();
            BigDecimal value = here.stream().map(o -> o.expectedValue() == null ? BigDecimal.ZERO : o.expectedValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal weightedValue = value.multiply(BigDecimal.valueOf(rate.rate())).setScale(2, RoundingMode.HALF_UP);
            stages.add(new StageValue(rate.stage(), here.size(), value, weightedValue));
            expected = expected.add(value);
            weighted = weighted.add(weightedValue);
        }
        return new Forecast(from, to, rates, stages, open.size(), expected, weighted);
    }
}
