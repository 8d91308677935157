package com.customerledger.command.pricing;

import com.customerledger.command.Actor;
import com.customerledger.events.pricing.PricingRule;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new version of the pricing policy (ADMIN): the discount rules every policy price comes from. */
public record SetPricingPolicyCommand(@TargetAggregateIdentifier String policyId, List<PricingRule> rules, Actor actor) {

    public static final String POLICY_ID = "policy:pricing";

    public static SetPricingPolicyCommand of(List<PricingRule> rules, Actor actor) {
        return new SetPricingPolicyCommand(POLICY_ID, List.copyOf(rules), actor);
    }
}
