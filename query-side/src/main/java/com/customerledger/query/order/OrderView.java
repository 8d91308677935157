package com.customerledger.query.order;

import com.customerledger.events.order.OrderLine;
import com.customerledger.events.order.OrderStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines as priced, its status (SUBMITTED while it waits at {@code waitingAt}, APPROVED,
 * DISPATCHED, DELIVERED, REJECTED or CANCELLED), and every step with who took it, when and why.
 */
public record OrderView(String orderId, String customerId, String ownerRepId, List<OrderLine> lines, BigDecimal total,
                        int policyVersion, String note, String status, OrderStep waitingAt, BigDecimal reserved,
                        boolean overLimit, String waybill, Instant dueAt, String submittedBy, Instant submittedAt,
                        List<Step> steps) {

    /** One thing that happened to the order. */
    public record Step(String step, String by, Instant at, String note) {
    }
}
