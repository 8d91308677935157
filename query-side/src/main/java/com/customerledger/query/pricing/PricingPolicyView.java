package com.customerledger.query.pricing;

import com.customerledger.events.pricing.PricingRule;
import java.time.Instant;
import java.util.List;

/** The pricing policy in force; version 0 means none was set and every product sells at its list price. */
public record PricingPolicyView(int version, List<PricingRule> rules, String setBy, Instant setAt) {
}
