package com.customerledger.events.ticket;

import org.axonframework.serialization.Revision;

/** The customer's side (its owner, a manager or the dealer itself) closed the resolved ticket, satisfied 1 to 5. */
@Revision("1")
public record TicketClosedEvent(String ticketId, String customerId, int satisfaction, String closedBy) {
}
