package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The assigned expert {@code expertId} answered the ticket with {@code note}; {@code first} marks the ticket's first
 * response, the one its first-response deadline asks for. {@code respondedAt} is when, by the clock the
 * deadlines are set by.
 */
@Revision("1")
public record TicketRespondedEvent(String ticketId, String customerId, String expertId, String note, boolean first,
                                   Instant respondedAt, String respondedBy) {
}
