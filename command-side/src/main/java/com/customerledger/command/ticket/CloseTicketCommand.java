package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer's side (owner or EDITOR rep, manager, admin, the dealer) closes a resolved ticket, satisfied 1 to 5. */
public record CloseTicketCommand(@TargetAggregateIdentifier TicketId ticketId, int satisfaction, Actor actor) {
}
