package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The assigned expert resolves a ticket it has answered, citing a knowledge-base article where one applies. */
public record ResolveTicketCommand(@TargetAggregateIdentifier TicketId ticketId, String resolution, String articleId,
                                   Actor actor) {
}
