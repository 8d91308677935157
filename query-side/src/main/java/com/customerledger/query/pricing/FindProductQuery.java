package com.customerledger.query.pricing;

/** One product of the catalogue. */
public record FindProductQuery(String productId) {
}
