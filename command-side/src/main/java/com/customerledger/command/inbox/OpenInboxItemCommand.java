package com.customerledger.command.inbox;

import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a task or notice in an inbox. Sent by the ledger's own rules, never by a client. {@code inboxItemId} names the
 * occasion (for example {@code birthday:c-1:0:2026}): an id already used opens nothing, so an occasion that is seen
 * again, after a restart or by a second scan, makes no second item.
 */
public record OpenInboxItemCommand(String inboxItemId, InboxRecipient recipient, InboxItemKind kind, String customerId,
                                   String subjectId, String title, String detail, Instant dueAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return InboxItem.aggregateId(inboxItemId);
    }
}
