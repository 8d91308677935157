package com.customerledger.query.order;

import java.time.Instant;

/**
 * What was delivered in [{@code from}, {@code to}): by product and product line, and how many customers bought
 * again; only the lines of {@code productLine} (and the orders with one) when given.
 */
public record SalesQuery(Instant from, Instant to, String productLine) {
}
