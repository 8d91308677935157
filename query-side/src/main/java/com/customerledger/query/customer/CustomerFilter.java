package com.customerledger.query.customer;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;

/**
 * Criteria shared by customer search and portfolios; every null criterion matches all.
 * {@code region} is "province[/city[/county]]" and matches that region and everything inside it.
 */
public record CustomerFilter(String q, CustomerType type, String region, String ownerRepId, Boolean inPool, Grade grade) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null, null, null);
}
