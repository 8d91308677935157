package com.customerledger.query.sellthrough;

import com.customerledger.events.sellthrough.SellThroughLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The sell-through report in force for a customer and period (empty {@code reportId}: none reported), its totals,
 * and every report it superseded, newest first, as they were.
 */
public record SellThroughView(String customerId, String period, String reportId, List<SellThroughLine> lines,
                              BigDecimal quantity, BigDecimal amount, String reportedBy, Instant reportedAt,
                              List<Report> superseded) {

    /** A report as it was made. */
    public record Report(String reportId, List<SellThroughLine> lines, String reportedBy, Instant reportedAt) {
    }
}
