package com.customerledger.events.payment;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Finance recorded {@code amount} yuan received from a customer at {@code receivedAt}. It pays the named order
 * first ({@code orderId}, null: none named), then the customer's other delivered orders, the earliest due first;
 * what is left over is paid in advance.
 */
@Revision("1")
public record PaymentRecordedEvent(String paymentId, String customerId, BigDecimal amount, Instant receivedAt,
                                   PaymentMethod method, String orderId, String recordedBy) {
}
