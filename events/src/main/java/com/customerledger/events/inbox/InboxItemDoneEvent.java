package com.customerledger.events.inbox;

import org.axonframework.serialization.Revision;

/** The recipient (user {@code doneBy}) marked an inbox item done; it leaves the open list of everyone it went to. */
@Revision("1")
public record InboxItemDoneEvent(String inboxItemId, String doneBy) {
}
