package com.customerledger.events.inbox;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A task or notice was put in {@code recipient}'s inbox by the ledger's rules: what it is about (the customer, and
 * the ticket, visit, sample or campaign as {@code subjectId}), a title and detail to show, and when it is due (null
 * for a notice with no due time). Its id names the occasion, so one occasion makes one item.
 */
@Revision("1")
public record InboxItemOpenedEvent(String inboxItemId, InboxRecipient recipient, InboxItemKind kind, String customerId,
                                   String subjectId, String title, String detail, Instant dueAt) {
}
