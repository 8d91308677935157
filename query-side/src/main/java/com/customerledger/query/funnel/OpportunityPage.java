package com.customerledger.query.funnel;

import java.util.List;

/** One page of a customer's opportunities, the most recently opened first. */
public record OpportunityPage(List<OpportunityView> items, int page, int size, long total) {
}
