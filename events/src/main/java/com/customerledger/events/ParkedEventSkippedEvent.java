package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * An admin decided that a projection drops an event it could not apply instead of applying it: the
 * read model {@code projection} will never show event {@code eventId} (of type {@code eventType},
 * of aggregate {@code aggregateId}); {@code reason} is the admin's explanation. The event itself
 * stays in the store; a replay of the projection applies it again.
 */
@Revision("1")
public record ParkedEventSkippedEvent(String projection, String eventId, String eventType, String aggregateId,
                                      String reason, String skippedBy) {
}
