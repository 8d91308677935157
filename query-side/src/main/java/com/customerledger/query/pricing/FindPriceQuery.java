package com.customerledger.query.pricing;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;

/** The policy price of a product for a customer of this type, grade and region. */
public record FindPriceQuery(String productId, CustomerType customerType, Grade grade, Region region) {
}
