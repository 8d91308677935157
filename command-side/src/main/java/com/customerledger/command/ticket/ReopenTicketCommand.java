package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer's side reopens a resolved or closed ticket; it goes back to its expert with a new resolution deadline. */
public record ReopenTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String reason, Actor actor) {
}
