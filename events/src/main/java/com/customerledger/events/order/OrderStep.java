package com.customerledger.events.order;

/** A step at which an order may wait for a person: a price below policy (a manager), or credit (finance). */
public enum OrderStep {
    PRICE,
    CREDIT
}
