package com.customerledger.query.ticket;

/** One ticket with its whole timeline and service state. */
public record FindTicketQuery(String ticketId) {
}
