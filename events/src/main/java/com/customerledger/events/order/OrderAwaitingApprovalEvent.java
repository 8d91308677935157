package com.customerledger.events.order;

import org.axonframework.serialization.Revision;

/** An order waits at {@code step} for a person's decision, for the reason given (which line, which amounts). */
@Revision("1")
public record OrderAwaitingApprovalEvent(String orderId, String customerId, OrderStep step, String reason) {
}
