package com.customerledger.query.policy;

/** The assignment rules in force (the newest version). */
public record FindAssignmentPolicyQuery() {
}
