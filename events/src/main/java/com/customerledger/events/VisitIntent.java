package com.customerledger.events;

/** How likely the rep judged the customer to buy after a visit; HIGH starts a review by the rep's manager. */
public enum VisitIntent {
    LOW,
    MEDIUM,
    HIGH
}
