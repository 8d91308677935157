package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned expert answers the ticket; its first answer meets the first-response deadline. */
public record RespondToTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String note, Actor actor) {
}
