package com.customerledger.command;

/** What a user may do in the ledger. */
public enum Role {
    ADMIN,
    MANAGER,
    AUDITOR,
    REP,
    /** Decides credit limits (never one it requested), approves credit overruns, records payments. */
    FINANCE,
    /** Dispatches orders and samples. */
    WAREHOUSE,
    /** A dealer acting as its own customer: its orders, credit, payments and rebates, nothing else. */
    DEALER,
    /** An agronomy or service expert: answers the tickets dispatched to it and writes knowledge-base articles. Its user id is its expert id. */
    AGRONOMIST
}
