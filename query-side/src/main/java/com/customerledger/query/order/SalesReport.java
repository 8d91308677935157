package com.customerledger.query.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Sales by what was delivered in the period: per product and per product line (units, yuan, orders, customers),
 * the repurchase rate: of the customers with a delivery in the period, the share with a second one in it; and the
 * dealers' sell-through reported for periods (months, quarters, years) that lie inside it.
 */
public record SalesReport(Instant from, Instant to, List<ProductRow> byProduct, List<LineRow> byProductLine,
                          BigDecimal amount, long orders, Repurchase repurchase, List<SoldOnRow> sellThrough) {

    /** What dealers reported selling on, per product line, in the reports in force for periods inside [from, to). */
    public record SoldOnRow(String productLine, BigDecimal quantity, BigDecimal amount, long dealers) {
    }

    public record ProductRow(String productId, String productLine, BigDecimal quantity, BigDecimal amount, long orders,
                             long customers) {
    }

    public record LineRow(String productLine, BigDecimal amount, long orders, long customers) {
    }

    /** {@code rate} = {@code repeatCustomers} ÷ {@code customers}; null with no customer. */
    public record Repurchase(long customers, long repeatCustomers, Double rate) {
    }
}
