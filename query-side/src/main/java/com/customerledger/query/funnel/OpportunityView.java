package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import com.customerledger.events.Region;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One sales pursuit: the customer and product line, the rep it counts for, where it stands, when it
 * entered each stage it went through (by the events' recorded time), and how it closed: the amount
 * won or the reason it was lost.
 */
public record OpportunityView(
        String opportunityId,
        String customerId,
        String productLine,
        BigDecimal expectedValue,
        String repId,
        Region region,
        OpportunityStage stage,
        List<StageEntry> stages,
        Instant openedAt,
        Instant closedAt,
        BigDecimal wonAmount,
        String lostReason,
        Instant updatedAt) {
}
