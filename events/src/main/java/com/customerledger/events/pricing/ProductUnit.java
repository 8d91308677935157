package com.customerledger.events.pricing;

/** The unit a product is sold and priced in. */
public enum ProductUnit {
    TON,
    BAG,
    KG,
    BOTTLE
}
