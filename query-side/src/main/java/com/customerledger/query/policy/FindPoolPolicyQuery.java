package com.customerledger.query.policy;

/** The public-pool policy in force. */
public record FindPoolPolicyQuery() {
}
