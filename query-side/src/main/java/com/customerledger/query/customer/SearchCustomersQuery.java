package com.customerledger.query.customer;

import com.customerledger.query.PageRequest;

/**
 * Customers matching {@code filter}, ordered by name then id. When {@code visibleToRepId} is set,
 * only customers that rep owns, collaborates on, or could claim from the pool are returned.
 */
public record SearchCustomersQuery(CustomerFilter filter, String visibleToRepId, PageRequest page) {
}
