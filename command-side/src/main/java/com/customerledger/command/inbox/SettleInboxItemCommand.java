package com.customerledger.command.inbox;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ledger marks a task done whose work was done elsewhere (a sample sent), by the user who did it. */
public record SettleInboxItemCommand(String inboxItemId, String doneBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return InboxItem.aggregateId(inboxItemId);
    }
}
