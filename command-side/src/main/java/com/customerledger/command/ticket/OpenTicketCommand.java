package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketSeverity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a service ticket for a customer (its owner or EDITOR rep, a manager, an admin, or the dealer itself). It is
 * dispatched to an expert at once, or waits for a manager; its deadlines come from the service policy in force.
 * Repeating the command with the same id and data returns the first answer and appends nothing.
 */
public record OpenTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String customerId, TicketKind kind,
                                TicketSeverity severity, String subject, String description, String crop,
                                String species, Actor actor) {
}
