package com.customerledger.query.customer;

import com.customerledger.query.PageRequest;

/** A rep's book: the customers they own and, separately, those they collaborate on, both narrowed by {@code filter}. */
public record FindPortfolioQuery(String repId, CustomerFilter filter, PageRequest page) {
}
