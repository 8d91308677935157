package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ticket missed its {@code deadline} due at {@code dueAt} while with expert {@code expertId} (null: nobody had
 * taken it): the managers are told. {@code round} is 0 for the first resolution deadline and the reopening's number
 * for a later one (always 0 for the first response), so each deadline escalates once.
 */
@Revision("1")
public record TicketEscalatedEvent(String ticketId, String customerId, ServiceDeadline deadline, Instant dueAt,
                                   String expertId, int round) {
}
