package com.customerledger.events;

/** What kind of business a customer is. */
public enum CustomerType {
    FARM,
    RANCH,
    COOPERATIVE,
    PLANTING_BASE,
    DEALER,
    RETAIL_STORE,
    SMALLHOLDER
}
