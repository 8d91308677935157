package com.customerledger.events.sellthrough;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A dealer's report of what it sold on to farms and stores in {@code period} (经销商上报终端销售数据). A later report
 * for the same customer and period supersedes {@code supersedes} (null: the first); nothing is edited.
 */
@Revision("1")
public record SellThroughReportedEvent(String reportId, String customerId, String period, List<SellThroughLine> lines,
                                       String supersedes, String reportedBy) {

    public SellThroughReportedEvent {
        lines = List.copyOf(lines);
    }
}
