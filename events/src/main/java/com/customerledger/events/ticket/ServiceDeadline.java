package com.customerledger.events.ticket;

/** The two service deadlines of a ticket. */
public enum ServiceDeadline {
    /** The assigned expert's first response. */
    FIRST_RESPONSE,
    /** The ticket's resolution (after a reopening, a new one from the reopening). */
    RESOLUTION
}
