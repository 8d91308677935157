package com.customerledger.query.target;

import com.customerledger.events.SalesPeriod;

/** The targets of {@code period}, each with its actual; only rep {@code repId}'s when given. */
public record ListTargetsQuery(SalesPeriod period, String repId) {
}
