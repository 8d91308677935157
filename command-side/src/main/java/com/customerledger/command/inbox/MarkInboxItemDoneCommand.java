package com.customerledger.command.inbox;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The calling user marks an item of its inbox done; done already, nothing changes. */
public record MarkInboxItemDoneCommand(String inboxItemId, Actor actor) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return InboxItem.aggregateId(inboxItemId);
    }
}
