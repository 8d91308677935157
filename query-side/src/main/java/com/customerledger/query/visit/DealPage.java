package com.customerledger.query.visit;

import java.util.List;

/** One page of a customer's deals, the latest closed first. */
public record DealPage(List<DealView> items, int page, int size, long total) {
}
