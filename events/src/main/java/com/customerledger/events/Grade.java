package com.customerledger.events;

/** How much a customer is worth to the company, S highest. */
public enum Grade {
    S,
    A,
    B,
    C
}
