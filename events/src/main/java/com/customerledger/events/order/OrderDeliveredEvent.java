package com.customerledger.events.order;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An order reached the customer: its {@code total} moves from reserved to outstanding, due for payment at
 * {@code dueAt} (delivery plus the customer's payment term then).
 */
@Revision("1")
public record OrderDeliveredEvent(String orderId, String customerId, BigDecimal total, Instant deliveredAt, Instant dueAt,
                                  String note, String deliveredBy) {
}
