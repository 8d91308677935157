package com.customerledger.events.ticket;

import org.axonframework.serialization.Revision;

/**
 * The assigned expert {@code expertId} resolved the ticket: {@code resolution} says how, citing knowledge-base
 * article {@code articleId} where one applies (null otherwise).
 */
@Revision("1")
public record TicketResolvedEvent(String ticketId, String customerId, String expertId, String resolution,
                                  String articleId, String resolvedBy) {
}
