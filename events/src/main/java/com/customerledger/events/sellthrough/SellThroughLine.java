package com.customerledger.events.sellthrough;

import java.math.BigDecimal;

/** What a dealer sold on of one product in a period: units and yuan (at its own prices). */
public record SellThroughLine(String productId, String productLine, BigDecimal quantity, BigDecimal amount) {
}
