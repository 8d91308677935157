package com.customerledger.events.order;

import org.axonframework.serialization.Revision;

/** A person rejected an order at {@code step}; it will not be delivered, and holds no credit. */
@Revision("1")
public record OrderRejectedEvent(String orderId, String customerId, OrderStep step, String note, String rejectedBy) {
}
