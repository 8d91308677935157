package com.customerledger.query.pricing;

import com.customerledger.query.PageRequest;

/** The catalogue, by product id; {@code productLine} null: every line. */
public record ListProductsQuery(String productLine, PageRequest page) {
}
