package com.customerledger.query.credit;

/** A customer's credit account. */
public record FindCreditAccountQuery(String customerId) {
}
