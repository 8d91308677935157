package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The assigned expert {@code expertId} resolved the ticket: {@code resolution} says how, citing knowledge-base
 * article {@code articleId} where one applies (null otherwise), at {@code resolvedAt} by the clock the deadlines are
 * set by.
 */
@Revision("1")
public record TicketResolvedEvent(String ticketId, String customerId, String expertId, String resolution,
                                  String articleId, Instant resolvedAt, String resolvedBy) {
}
