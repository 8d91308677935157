package com.customerledger.query.ticket;

import com.customerledger.events.ticket.ServiceDeadline;
import java.time.Instant;

/** A missed deadline that escalated: which, when it was due, when it escalated, the expert who had it, its round. */
public record EscalationView(ServiceDeadline deadline, Instant dueAt, Instant escalatedAt, String expertId, int round) {
}
