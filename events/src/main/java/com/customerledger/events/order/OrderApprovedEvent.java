package com.customerledger.events.order;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * An order passed every step: {@code reserved} yuan of the customer's credit are held for it until it is delivered
 * or cancelled. {@code overLimit}: finance let it exceed the available credit (or pass an overdue balance).
 */
@Revision("1")
public record OrderApprovedEvent(String orderId, String customerId, BigDecimal reserved, boolean overLimit) {
}
