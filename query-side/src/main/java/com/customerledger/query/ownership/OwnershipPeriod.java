package com.customerledger.query.ownership;

import java.time.Instant;

/**
 * A stretch of effective time during which {@code repId} owned the customer ({@code null}: it was
 * in the public pool). {@code to} is null for the period that is still open. {@code reason},
 * {@code authorizedBy}, {@code rule} (the assignment rule and policy version, when rules decided)
 * and {@code recordedAt} describe the change that began the period.
 */
public record OwnershipPeriod(
        String repId,
        Instant from,
        Instant to,
        String reason,
        String authorizedBy,
        String rule,
        Instant recordedAt,
        String eventId,
        String batchId) {

    boolean covers(Instant instant) {
        return !instant.isBefore(from) && (to == null || instant.isBefore(to));
    }
}
