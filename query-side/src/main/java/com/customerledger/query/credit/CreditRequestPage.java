package com.customerledger.query.credit;

import java.util.List;

/** One page of credit-limit requests, oldest first. */
public record CreditRequestPage(List<CreditRequestView> items, int page, int size, long total) {
}
