package com.customerledger.command;

/** What a user may do in the ledger. */
public enum Role {
    ADMIN,
    MANAGER,
    AUDITOR,
    REP
}
