package com.customerledger.events.order;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An order was placed for a customer (owned then by {@code ownerRepId}), its lines priced by pricing policy
 * {@code policyVersion}, for {@code total} yuan. What it waits for next follows in its own events.
 */
@Revision("1")
public record OrderSubmittedEvent(String orderId, String customerId, String ownerRepId, List<OrderLine> lines,
                                  BigDecimal total, int policyVersion, String note, String submittedBy) {

    public OrderSubmittedEvent {
        lines = List.copyOf(lines);
    }
}
