package com.customerledger.events.webhook;

import org.axonframework.serialization.Revision;

/** A webhook subscription ended: nothing more is queued for it (what was queued before is still delivered). */
@Revision("1")
public record WebhookRemovedEvent(String webhookId, String removedBy) {
}
