package com.customerledger.events.ticket;

/** How urgent a ticket is; the service policy gives each severity its own deadlines. */
public enum TicketSeverity {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
