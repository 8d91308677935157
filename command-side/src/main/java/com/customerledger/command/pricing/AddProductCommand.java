package com.customerledger.command.pricing;

import com.customerledger.command.Actor;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Add a product to the catalogue (MANAGER or ADMIN). Repeating the command with the same id and data
 * returns the first result and appends nothing; other data under a used id is refused. {@code unitCost} may be
 * null (no margin is counted for the product).
 */
public record AddProductCommand(
        @TargetAggregateIdentifier ProductId productId,
        String name,
        String productLine,
        ProductUnit unit,
        BigDecimal listPrice,
        BigDecimal unitCost,
        Actor actor) {
}
