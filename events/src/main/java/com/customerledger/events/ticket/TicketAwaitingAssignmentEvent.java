package com.customerledger.events.ticket;

import org.axonframework.serialization.Revision;

/** No expert could take the ticket when it was opened ({@code reason} says why): it waits for a manager to assign it. */
@Revision("1")
public record TicketAwaitingAssignmentEvent(String ticketId, String customerId, String reason) {
}
