package com.customerledger.query.visit;

import com.customerledger.query.PageRequest;

/** A customer's deals, the latest closed first. */
public record FindDealsQuery(String customerId, PageRequest page) {
}
