package com.customerledger.query.order;

import com.customerledger.events.payment.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment received from a customer. */
public record PaymentView(String paymentId, String customerId, BigDecimal amount, Instant receivedAt, PaymentMethod method,
                          String orderId, String recordedBy, Instant recordedAt) {
}
