package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import java.time.Instant;
import java.util.Map;

/**
 * What the open opportunities (of {@code repId} and {@code productLine} when given) are worth, weighted by each
 * stage's win rate learned from the opportunities closed in [{@code from}, {@code to}) with the same filters; a
 * stage with fewer than {@code minClosed} closed ones to learn from uses {@code defaultRates}.
 */
public record ForecastQuery(Instant from, Instant to, String repId, String productLine,
                            Map<OpportunityStage, Double> defaultRates, int minClosed) {
}
