package com.customerledger.query.policy;

/** The service policy in force. */
public record FindServicePolicyQuery() {
}
