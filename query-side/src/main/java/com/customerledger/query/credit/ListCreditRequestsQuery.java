package com.customerledger.query.credit;

import com.customerledger.query.PageRequest;

/** Credit-limit requests, oldest first: {@code status} PENDING is finance's work list; null filters match all. */
public record ListCreditRequestsQuery(String status, String customerId, PageRequest page) {
}
