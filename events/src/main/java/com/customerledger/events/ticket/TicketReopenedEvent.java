package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A resolved or closed ticket was reopened for {@code reason}; it goes back to its expert with a new resolution
 * deadline {@code resolutionDueAt} (null without a service policy). {@code reopening} counts the reopenings from 1.
 */
@Revision("1")
public record TicketReopenedEvent(String ticketId, String customerId, String expertId, String reason,
                                  Instant resolutionDueAt, int reopening, String reopenedBy) {
}
