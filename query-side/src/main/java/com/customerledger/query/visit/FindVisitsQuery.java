package com.customerledger.query.visit;

import com.customerledger.query.PageRequest;

/** A customer's visits, newest first. */
public record FindVisitsQuery(String customerId, PageRequest page) {
}
