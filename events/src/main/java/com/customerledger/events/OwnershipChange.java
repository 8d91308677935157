package com.customerledger.events;

import java.time.Instant;

/**
 * Every event that decides who owns a customer from an effective (business) time on. A
 * {@code null} new owner means the customer is in the public pool from then on. The time the
 * ledger learnt of the change is the event's own timestamp.
 */
public interface OwnershipChange {

    String customerId();

    /** The owner from {@link #effectiveAt()} on, or null for the public pool. */
    String newOwnerRepId();

    /** The owner before this change, or null if the customer was in the pool (or is new). */
    String previousOwnerRepId();

    Instant effectiveAt();

    /** The user who caused or authorized the change. */
    String authorizedBy();

    /** A short machine-readable reason: REGISTERED, IMPORT, ASSIGNED_BY_RULE, CLAIM, RELEASE or a {@link TransferReason}. */
    String reasonCode();

    /** The assignment rule and policy version that made this change ("rule-1@v3"), or null when a person did. */
    default String rule() {
        return null;
    }

    /** The batch (bulk transfer or departure) this change belongs to, or null. */
    default String batchId() {
        return null;
    }
}
