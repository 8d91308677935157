package com.customerledger.query.ticket;

import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketSeverity;
import java.time.Instant;
import java.util.List;

/**
 * A ticket: what it is about, where it stands, its expert, its two deadlines and escalations, the resolution and
 * satisfaction, and every step with who and when.
 */
public record TicketView(String ticketId, String customerId, TicketKind kind, TicketSeverity severity, String subject,
                         String description, String crop, String species, String status, String assignedExpertId,
                         String awaitingAssignmentReason, String openedBy, Instant openedAt, int policyVersion,
                         DeadlineView firstResponse, DeadlineView resolution, List<EscalationView> escalations,
                         String resolutionNote, String articleId, Integer satisfaction, int reopenings,
                         List<TicketStep> timeline, Instant updatedAt) {
}
