package com.customerledger.events.pricing;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A product entered the catalogue: sold in {@code unit} at {@code listPrice} yuan per unit, belonging to
 * {@code productLine} (feed, premix, fertilizer, …), which pricing rules and rebates match on. {@code unitCost}
 * (null: not given) is what a unit costs the company; a delivered order's margin is counted from it.
 */
@Revision("1")
public record ProductAddedEvent(
        String productId,
        String name,
        String productLine,
        ProductUnit unit,
        BigDecimal listPrice,
        String addedBy,
        BigDecimal unitCost) {
}
