package com.customerledger.command.webhook;

import com.customerledger.command.Actor;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Subscribe {@code url} to events of {@code eventTypes} (ADMIN); the same subscription again appends nothing. */
public record RegisterWebhookCommand(@TargetAggregateIdentifier String webhookId, String url, List<String> eventTypes,
                                     String secret, Actor actor) {

    public static String idOf(String webhookId) {
        return "webhook:" + webhookId;
    }
}
