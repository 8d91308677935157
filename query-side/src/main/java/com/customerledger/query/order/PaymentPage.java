package com.customerledger.query.order;

import java.util.List;

/** One page of a customer's payments, newest first. */
public record PaymentPage(List<PaymentView> items, int page, int size, long total) {
}
