package com.customerledger.events;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A trade with the customer closed at {@code closedAt}: {@code amount} sold and {@code margin} earned
 * on one product line, in yuan. It is credited to {@code creditedRepId}, the owner at {@code closedAt}
 * by the ownership history; a later transfer never moves past credit.
 */
@Revision("1")
public record DealRecordedEvent(
        String customerId,
        String dealId,
        String productLine,
        BigDecimal amount,
        BigDecimal margin,
        Instant closedAt,
        String creditedRepId,
        String recordedBy) {
}
