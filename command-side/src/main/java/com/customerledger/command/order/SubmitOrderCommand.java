package com.customerledger.command.order;

import com.customerledger.command.Actor;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Place an order for a customer (its owner, an EDITOR collaborator, a manager or an admin). Each line names a
 * catalogue product and a quantity, and a unit price only when one below or above the policy price was agreed.
 * Repeating the command with the same id and data returns the first result and appends nothing.
 */
public record SubmitOrderCommand(@TargetAggregateIdentifier OrderId orderId, String customerId, List<Line> lines,
                                 String note, Actor actor) {

    /** A product, how much, and the agreed unit price (null: the policy price). */
    public record Line(String productId, BigDecimal quantity, BigDecimal unitPrice) {
    }

    public SubmitOrderCommand {
        lines = List.copyOf(lines);
    }
}
