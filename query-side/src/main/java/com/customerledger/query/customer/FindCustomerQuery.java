package com.customerledger.query.customer;

/** The 360 view of one customer, if it exists. */
public record FindCustomerQuery(String customerId) {
}
