package com.customerledger.events.rebate;

/**
 * What a rebate program's tiers are reached by: the delivered amount (yuan), the delivered quantity (units), or
 * the amount the dealer reported selling on (yuan of its sell-through report in force for the period).
 */
public enum RebateBasis {
    AMOUNT,
    QUANTITY,
    SELL_THROUGH
}
