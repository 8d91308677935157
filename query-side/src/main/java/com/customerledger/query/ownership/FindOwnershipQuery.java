package com.customerledger.query.ownership;

import java.time.Instant;

/**
 * A customer's ownership periods as the ledger knew them at {@code knownAt} (null: now) and, with
 * {@code asOf}, the period in force at that effective instant.
 */
public record FindOwnershipQuery(String customerId, Instant asOf, Instant knownAt) {
}
