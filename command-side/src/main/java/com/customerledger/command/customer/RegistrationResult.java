package com.customerledger.command.customer;

/**
 * What a registration decided: the customer, its owner (null: public pool) and, when the assignment
 * rules decided, the rule and policy version that chose the owner or the reason none was chosen.
 */
public record RegistrationResult(String customerId, String ownerRepId, String assignedByRule, Integer policyVersion,
                                 String unassignedReason) {
}
