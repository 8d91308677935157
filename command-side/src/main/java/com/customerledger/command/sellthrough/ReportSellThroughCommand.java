package com.customerledger.command.sellthrough;

import com.customerledger.command.Actor;
import com.customerledger.events.SalesPeriod;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Report a dealer's sell-through for a period (the dealer itself, its owner, a manager or an admin). The same
 * report again appends nothing; a new report id supersedes the period's report before it.
 */
public record ReportSellThroughCommand(@TargetAggregateIdentifier String reportsId, String reportId, String customerId,
                                       SalesPeriod period, List<Line> lines, Actor actor) {

    /** A line as reported: a product of the catalogue, units and yuan. */
    public record Line(String productId, BigDecimal quantity, BigDecimal amount) {
    }

    /** The reports of one customer and period are one aggregate. */
    public static String idOf(String customerId, SalesPeriod period) {
        return "sell-through:" + customerId + ":" + period;
    }
}
