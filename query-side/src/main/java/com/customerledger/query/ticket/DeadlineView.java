package com.customerledger.query.ticket;

import java.time.Instant;

/**
 * One service deadline of a ticket: when it is due, when it was met, its state (NONE without a service policy,
 * PENDING, MET, or MISSED once it escalated or was met late), when it escalated, and whether it is past due now.
 */
public record DeadlineView(Instant dueAt, Instant metAt, String state, Instant escalatedAt, boolean overdue) {
}
