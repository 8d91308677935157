package com.customerledger.query.order;

import com.customerledger.query.PageRequest;

/** A customer's payments, newest first. */
public record ListPaymentsQuery(String customerId, PageRequest page) {
}
