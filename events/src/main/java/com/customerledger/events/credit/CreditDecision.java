package com.customerledger.events.credit;

/** What finance decided on a request. */
public enum CreditDecision {
    APPROVE,
    REJECT
}
