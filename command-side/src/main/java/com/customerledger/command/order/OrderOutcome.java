package com.customerledger.command.order;

import com.customerledger.events.order.OrderStep;
import java.math.BigDecimal;

/** Where a submitted order stands: its status, total, and the step it waits at (null when it waits for nothing). */
public record OrderOutcome(String orderId, String status, BigDecimal total, OrderStep waitingAt) {
}
