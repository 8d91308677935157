package com.customerledger.events.webhook;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A webhook subscription: the events of {@code eventTypes} (the names the audit trail shows, or {@code *}) are
 * delivered to {@code url}, signed with a secret whose SHA-256 is {@code secretDigest} (the secret itself is kept
 * out of the event log).
 */
@Revision("1")
public record WebhookRegisteredEvent(String webhookId, String url, List<String> eventTypes, String secretDigest,
                                     String registeredBy) {

    public WebhookRegisteredEvent {
        eventTypes = List.copyOf(eventTypes);
    }
}
