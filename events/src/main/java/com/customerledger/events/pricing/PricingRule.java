package com.customerledger.events.pricing;

import java.math.BigDecimal;

/** One rule of the pricing policy: where it matches, the policy price is the list price less {@code discountPercent}. */
public record PricingRule(String ruleId, PriceMatch match, BigDecimal discountPercent) {
}
