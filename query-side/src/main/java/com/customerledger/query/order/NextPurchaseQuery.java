package com.customerledger.query.order;

/** When the customer is expected to buy again, from its deliveries. */
public record NextPurchaseQuery(String customerId) {
}
