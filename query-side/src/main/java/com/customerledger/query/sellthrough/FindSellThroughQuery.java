package com.customerledger.query.sellthrough;

import com.customerledger.events.SalesPeriod;

/** A customer's sell-through report in force for a period, with those it superseded. */
public record FindSellThroughQuery(String customerId, SalesPeriod period) {
}
