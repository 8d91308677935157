package com.customerledger.query.ownership;

import java.time.Instant;
import java.util.List;

/**
 * A customer's ownership history. {@code atAsOf} is the period in force at {@code asOf} (null when
 * no {@code asOf} was asked, or the customer was not yet registered then); within it a null
 * {@code repId} means the customer was in the public pool. {@code reversals} lists the changes voided
 * (as known at {@code knownAt}); they are left out of {@code periods}.
 */
public record OwnershipView(
        String customerId,
        Instant asOf,
        Instant knownAt,
        List<OwnershipPeriod> periods,
        OwnershipPeriod atAsOf,
        List<Reversal> reversals) {

    /** A change that was voided as a mistake ({@code voidedEventId}), by whom, why, and when the ledger learnt it. */
    public record Reversal(String voidedEventId, String reversalEventId, String reason, String authorizedBy,
                           Instant recordedAt) {
    }
}
