package com.customerledger.events.pricing;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The price the policy sets for a product sold to a customer, and which rule of which version set it
 * ({@code ruleId} null: no rule matched, the list price holds). The command side prices orders with it
 * and the query side answers price questions with it, so both always agree.
 */
public record PolicyPrice(BigDecimal listPrice, BigDecimal policyPrice, BigDecimal discountPercent, String ruleId,
                          int policyVersion) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The most specific matching rule prices it; among equally specific ones, the earlier rule. */
    public static PolicyPrice of(int version, List<PricingRule> rules, String productId, String productLine,
                                 BigDecimal listPrice, CustomerType type, Grade grade, Region region) {
        Optional<PricingRule> best = rules.stream()
                .filter(rule -> rule.match().matches(productId, productLine, type, grade, region))
                .max(Comparator.comparingInt((PricingRule rule) -> rule.match().specificity())
                        .thenComparing(rule -> -rules.indexOf(rule)));
        if (best.isEmpty()) {
            return new PolicyPrice(listPrice, listPrice, BigDecimal.ZERO, null, version);
        }
        BigDecimal discount = best.get().discountPercent();
        BigDecimal price = listPrice.multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        return new PolicyPrice(listPrice, price, discount, best.get().ruleId(), version);
    }
}
