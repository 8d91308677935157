package com.customerledger.command.opportunity;

import com.customerledger.command.Actor;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a sales pursuit for a customer and product line; repeating it with the same id and data is a no-op. */
public record OpenOpportunityCommand(@TargetAggregateIdentifier OpportunityId opportunityId, String customerId,
                                     String productLine, BigDecimal expectedValue, Actor actor) {
}
