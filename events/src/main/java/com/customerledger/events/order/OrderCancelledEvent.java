package com.customerledger.events.order;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An order was cancelled before dispatch; {@code released} yuan of credit it held (0 if none) are free again. */
@Revision("1")
public record OrderCancelledEvent(String orderId, String customerId, BigDecimal released, String note, String cancelledBy) {
}
