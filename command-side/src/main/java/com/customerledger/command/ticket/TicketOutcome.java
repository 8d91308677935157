package com.customerledger.command.ticket;

import java.time.Instant;

/** A ticket as opened: the expert it was dispatched to (null: it waits for a manager) and its deadlines. */
public record TicketOutcome(String ticketId, String assignedExpertId, Instant firstResponseDueAt,
                            Instant resolutionDueAt) {
}
