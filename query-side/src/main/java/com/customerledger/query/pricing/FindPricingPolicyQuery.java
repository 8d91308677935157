package com.customerledger.query.pricing;

/** The pricing policy in force. */
public record FindPricingPolicyQuery() {
}
