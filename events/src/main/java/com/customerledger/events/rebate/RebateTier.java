package com.customerledger.events.rebate;

import java.math.BigDecimal;

/** From a basis of {@code from} on (amount in yuan or quantity in units), {@code percent} of the delivered amount. */
public record RebateTier(BigDecimal from, BigDecimal percent) {
}
