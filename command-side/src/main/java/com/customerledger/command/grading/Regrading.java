package com.customerledger.command.grading;

/** What regrading did to one customer. */
public enum Regrading {
    CHANGED,
    UNCHANGED,
    MANUAL_KEPT,
    NO_POLICY
}
