package com.customerledger.query.policy;

/** The grading policy in force. */
public record FindGradingPolicyQuery() {
}
