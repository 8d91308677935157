package com.customerledger.query.funnel;

import java.time.Instant;

/**
 * The funnel of the opportunities opened in [{@code from}, {@code to}), narrowed to a rep, a region
 * ("province[/city[/county]]") and a product line when given.
 */
public record FunnelQuery(Instant from, Instant to, String repId, String region, String productLine) {
}
