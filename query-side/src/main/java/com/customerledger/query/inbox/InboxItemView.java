package com.customerledger.query.inbox;

import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import java.time.Instant;

/** One task or notice: whom it went to, what it is about, when it is due, and whether (and by whom) it was done. */
public record InboxItemView(String inboxItemId, InboxItemKind kind, InboxRecipient recipient, String customerId,
                            String subjectId, String title, String detail, Instant dueAt, Instant openedAt,
                            boolean done, String doneBy, Instant doneAt) {
}
