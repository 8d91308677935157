package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * Deal {@code dealId} is credited to {@code toRepId} (null: nobody, the customer was in the pool)
 * instead of {@code fromRepId}, because the ownership change {@code reversedEventId} that stood when
 * the deal was closed has been reversed: a deal is credited to whoever owned the customer then, as
 * the ledger now knows it.
 */
@Revision("1")
public record DealCreditMovedEvent(
        String customerId,
        String dealId,
        String fromRepId,
        String toRepId,
        String reversedEventId,
        String authorizedBy) {
}
