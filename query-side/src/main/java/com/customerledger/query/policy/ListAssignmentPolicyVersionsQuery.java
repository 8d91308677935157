package com.customerledger.query.policy;

/** Every version of the assignment rules. */
public record ListAssignmentPolicyVersionsQuery() {
}
