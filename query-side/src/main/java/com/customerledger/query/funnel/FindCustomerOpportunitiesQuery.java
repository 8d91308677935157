package com.customerledger.query.funnel;

import com.customerledger.query.PageRequest;

/** Every opportunity of a customer, open and closed, the most recently opened first. */
public record FindCustomerOpportunitiesQuery(String customerId, PageRequest page) {
}
