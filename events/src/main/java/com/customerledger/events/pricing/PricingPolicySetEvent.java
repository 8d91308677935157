package com.customerledger.events.pricing;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A new version of the pricing policy took effect: the discount rules from which every policy price is
 * computed, replacing the previous version's, set by {@code setBy}.
 */
@Revision("1")
public record PricingPolicySetEvent(int version, List<PricingRule> rules, String setBy) {

    public PricingPolicySetEvent {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
