package com.customerledger.events;

import java.math.BigDecimal;

/** A sample the customer asked for during a visit: which product and how much, for the warehouse to send. */
public record SampleRequest(String productId, BigDecimal quantity) {
}
