package com.customerledger.events;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * An opportunity moved forward from {@code from} to {@code to}: a funnel stage (a sample dispatch is
 * SAMPLE_SENT with a note), WON with the {@code amount} won, or LOST with the reason in {@code note}.
 */
@Revision("1")
public record OpportunityAdvancedEvent(
        String opportunityId,
        String customerId,
        OpportunityStage from,
        OpportunityStage to,
        String note,
        BigDecimal amount,
        String movedBy) {
}
