package com.customerledger.command.webhook;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a webhook subscription (ADMIN). */
public record RemoveWebhookCommand(@TargetAggregateIdentifier String webhookId, Actor actor) {
}
