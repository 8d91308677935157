package com.customerledger.command.ticket;

import com.customerledger.events.ticket.ServiceDeadline;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the ticket's service process when a deadline comes due: the ticket escalates if the deadline is still
 * unmet and has not escalated before (answered {@code true}), and otherwise does nothing ({@code false}).
 */
public record EscalateTicketCommand(@TargetAggregateIdentifier TicketId ticketId, ServiceDeadline deadline,
                                    Instant dueAt, int round) {
}
