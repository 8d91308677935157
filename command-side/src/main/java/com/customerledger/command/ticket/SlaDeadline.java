package com.customerledger.command.ticket;

import com.customerledger.events.ticket.ServiceDeadline;
import java.time.Instant;

/**
 * The payload of a ticket's service deadline: which one, when it is due, and its round (the reopening it belongs to;
 * 0 for the first response and the first resolution). One that is no longer the pending one is stale and does nothing.
 */
public record SlaDeadline(ServiceDeadline deadline, Instant dueAt, int round) {
}
