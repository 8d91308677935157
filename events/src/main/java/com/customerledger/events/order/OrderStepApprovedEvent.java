package com.customerledger.events.order;

import org.axonframework.serialization.Revision;

/** A person approved an order at {@code step}: a price below policy (a manager) or a credit overrun (finance). */
@Revision("1")
public record OrderStepApprovedEvent(String orderId, String customerId, OrderStep step, String note, String approvedBy) {
}
