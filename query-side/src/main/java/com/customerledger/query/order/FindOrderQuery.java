package com.customerledger.query.order;

/** One order. */
public record FindOrderQuery(String orderId) {
}
