package com.customerledger.events;

/** Why a customer moved from one owner to another. */
public enum TransferReason {
    /** The previous owner left the company. */
    DEPARTURE,
    /** A manager evened out the workload between reps. */
    REBALANCE,
    /** Two reps both claimed the customer and a manager decided. */
    DISPUTE,
    /** Any other decision by a manager. */
    MANUAL
}
