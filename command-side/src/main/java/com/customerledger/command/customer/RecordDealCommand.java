package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a closed trade with a customer. It is credited to whoever owned the customer at
 * {@code closedAt}. Repeating it with the same {@code dealId} and data appends nothing.
 */
public record RecordDealCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        String dealId,
        String productLine,
        BigDecimal amount,
        BigDecimal margin,
        Instant closedAt,
        Actor actor) {
}
