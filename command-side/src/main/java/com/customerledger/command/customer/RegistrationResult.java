package com.customerledger.command.customer;

/** What a registration decided: the customer, its owner (null: public pool) and the rule that chose the owner, if any. */
public record RegistrationResult(String customerId, String ownerRepId, String assignedByRule) {
}
