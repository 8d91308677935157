package com.customerledger.command.opportunity;

import com.customerledger.command.Actor;
import com.customerledger.events.OpportunityStage;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move an opportunity forward to {@code stage}: a later funnel stage, WON with an {@code amount}, or
 * LOST with the reason in {@code note}. Backwards moves and moves of a closed opportunity are refused.
 */
public record AdvanceOpportunityCommand(@TargetAggregateIdentifier OpportunityId opportunityId, OpportunityStage stage,
                                        String note, BigDecimal amount, Actor actor) {
}
