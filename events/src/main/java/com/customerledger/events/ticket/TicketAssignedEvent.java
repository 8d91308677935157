package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ticket went to expert {@code expertId} (from {@code previousExpertId}, null the first time): dispatched by
 * the ledger's rules when it was opened ({@code assignedBy} is the user who opened it), or reassigned by a manager.
 * {@code assignment} counts the ticket's assignments from 1; {@code reason} says why this expert; {@code dueAt} is
 * the deadline the expert now has to meet (the first response, or once answered the resolution; null without one).
 */
@Revision("1")
public record TicketAssignedEvent(String ticketId, String customerId, String expertId, String previousExpertId,
                                  int assignment, boolean dispatched, String reason, Instant dueAt,
                                  String assignedBy) {
}
