package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import java.math.BigDecimal;
import java.time.Instant;

/** An opportunity as listed in a customer's 360 view. */
public record OpportunitySummary(String opportunityId, String productLine, OpportunityStage stage, BigDecimal expectedValue,
                                 String repId, Instant openedAt) {
}
