package com.customerledger.query.customer;

import java.util.List;

/** One page of customers: the items, the page number and size asked for, and how many match in all. */
public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
}
