package com.customerledger.query.pricing;

import java.util.List;

/** One page of the catalogue, by product id. */
public record ProductPage(List<ProductView> items, int page, int size, long total) {
}
