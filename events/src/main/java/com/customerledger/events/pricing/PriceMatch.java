package com.customerledger.events.pricing;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;

/**
 * What a pricing rule applies to: a product or a whole product line, and customers of a type, a grade
 * and a region. A criterion left null matches everything.
 */
public record PriceMatch(String productId, String productLine, CustomerType customerType, Grade grade, Region region) {

    /** Whether the rule applies to this product sold to this customer. */
    public boolean matches(String product, String line, CustomerType type, Grade customerGrade, Region customerRegion) {
        return (productId == null || productId.equals(product))
                && (productLine == null || productLine.equals(line))
                && (customerType == null || customerType == type)
                && (grade == null || grade == customerGrade)
                && (region == null || region.covers(customerRegion));
    }

    /**
     * How specific the match is; where several rules match, the most specific wins. A product beats a
     * product line, which beats neither; among those, each customer criterion counts one, and a region one
     * per level it names (province, city, county).
     */
    public int specificity() {
        int product = productId != null ? 2 : productLine != null ? 1 : 0;
        int customer = (customerType != null ? 1 : 0) + (grade != null ? 1 : 0) + (region == null ? 0
                : 1 + (region.city() != null ? 1 : 0) + (region.county() != null ? 1 : 0));
        return product * 100 + customer;
    }
}
