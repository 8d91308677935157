package com.customerledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;

/** A credit-limit request: what was asked, by whom and why, and what finance decided (status PENDING until then). */
public record CreditRequestView(String requestId, String customerId, BigDecimal limit, int paymentTermDays, String reason,
                                String requestedBy, Instant requestedAt, String status, String decidedBy,
                                Instant decidedAt, String note) {
}
