package com.customerledger.events.rebate;

/** What a rebate program's tiers are reached by: the delivered amount (yuan) or the delivered quantity (units). */
public enum RebateBasis {
    AMOUNT,
    QUANTITY
}
