package com.customerledger.query.rebate;

/** The rebate policy in force. */
public record FindRebatePolicyQuery() {
}
