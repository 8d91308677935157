package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A manager or admin gives an unresolved ticket (or one waiting for assignment) to another expert. */
public record ReassignTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String expertId, Actor actor) {
}
