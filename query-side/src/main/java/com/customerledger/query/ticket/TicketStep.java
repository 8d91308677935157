package com.customerledger.query.ticket;

import java.time.Instant;

/**
 * One step of a ticket's timeline: when, what (OPENED, ASSIGNED, AWAITING_ASSIGNMENT, RESPONDED, RESOLVED, CLOSED,
 * REOPENED, ESCALATED), by whom, the expert it concerns, and what was said.
 */
public record TicketStep(Instant at, String step, String by, String expertId, String detail) {
}
