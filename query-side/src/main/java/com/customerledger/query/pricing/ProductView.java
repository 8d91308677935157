package com.customerledger.query.pricing;

import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.time.Instant;

/** A product of the catalogue. */
public record ProductView(String productId, String name, String productLine, ProductUnit unit, BigDecimal listPrice,
                          String addedBy, Instant addedAt) {
}
