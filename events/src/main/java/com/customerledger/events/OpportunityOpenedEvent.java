package com.customerledger.events;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A sales pursuit began for a customer and product line, at stage LEAD. {@code repId} and
 * {@code region} are the customer's owner and region at that moment, for the funnel's filters.
 */
@Revision("1")
public record OpportunityOpenedEvent(
        String opportunityId,
        String customerId,
        String productLine,
        BigDecimal expectedValue,
        String repId,
        Region region,
        String openedBy) {
}
