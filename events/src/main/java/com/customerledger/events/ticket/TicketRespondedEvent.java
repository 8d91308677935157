package com.customerledger.events.ticket;

import org.axonframework.serialization.Revision;

/**
 * The assigned expert {@code expertId} answered the ticket with {@code note}; {@code first} marks the ticket's first
 * response, the one its first-response deadline asks for.
 */
@Revision("1")
public record TicketRespondedEvent(String ticketId, String customerId, String expertId, String note, boolean first,
                                   String respondedBy) {
}
