package com.customerledger.events;

/** What an approver decided: a credit-limit request, or an order waiting at a step. */
public enum Decision {
    APPROVE,
    REJECT
}
