package com.customerledger.events.order;

import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an order as priced when it was submitted: the list and policy price of the product for this
 * customer, the rule that set the policy price, and the unit price agreed (the policy price unless one was asked).
 */
public record OrderLine(String productId, String productLine, ProductUnit unit, BigDecimal quantity, BigDecimal listPrice,
                        BigDecimal policyPrice, String ruleId, BigDecimal unitPrice) {

    /** Quantity × unit price, to the fen. */
    public BigDecimal amount() {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    /** Whether the agreed price lies below the policy's, which needs a manager's approval. */
    public boolean belowPolicy() {
        return unitPrice.compareTo(policyPrice) < 0;
    }
}
