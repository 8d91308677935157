package com.customerledger.query.credit;

/** One credit-limit request. */
public record FindCreditRequestQuery(String requestId) {
}
