package com.customerledger.query.rebate;

import com.customerledger.events.SalesPeriod;

/** What a customer earns under each rebate program of {@code period}'s kind, and what was settled. */
public record CustomerRebatesQuery(String customerId, SalesPeriod period) {
}
