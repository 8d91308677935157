package com.customerledger.command.inbox;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.events.inbox.InboxItemDoneEvent;
import com.customerledger.events.inbox.InboxItemOpenedEvent;
import com.customerledger.events.inbox.InboxRecipient;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** One task or notice in an inbox: opened once per occasion, done once by someone it went to. */
@Aggregate
public class InboxItem {

    private static final String PREFIX = "inbox:";

    @AggregateIdentifier
    private String id;
    private InboxRecipient recipient;
    private boolean done;

    protected InboxItem() {
        // for Axon
    }

    static String aggregateId(String inboxItemId) {
        return PREFIX + inboxItemId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenInboxItemCommand command) {
        if (recipient != null) {
            return; // the occasion has its item already
        }
        apply(new InboxItemOpenedEvent(command.inboxItemId(), command.recipient(), command.kind(), command.customerId(),
                command.subjectId(), command.title(), command.detail(), command.dueAt()));
    }

    @CommandHandler
    public void handle(MarkInboxItemDoneCommand command) {
        if (!isFor(recipient, command.actor())) {
            // someone else's item is answered like one that does not exist: an inbox shows nothing of another's
            throw new RejectedException(ErrorCode.INBOX_ITEM_NOT_FOUND, "no inbox item " + command.inboxItemId()
                    + " in your inbox");
        }
        if (!done) {
            apply(new InboxItemDoneEvent(command.inboxItemId(), command.actor().userId()));
        }
    }

    @CommandHandler
    public void handle(SettleInboxItemCommand command) {
        if (!done) {
            apply(new InboxItemDoneEvent(command.inboxItemId(), command.doneBy()));
        }
    }

    /** Whether {@code actor} is one of those an item for {@code recipient} goes to. */
    public static boolean isFor(InboxRecipient recipient, Actor actor) {
        if (recipient.repId() != null) {
            return actor.isRep(recipient.repId());
        }
        if (recipient.userId() != null) {
            return recipient.userId().equals(actor.userId());
        }
        return actor.roles().stream().anyMatch(role -> role.name().equals(recipient.role()));
    }

    @EventSourcingHandler
    void on(InboxItemOpenedEvent event) {
        id = aggregateId(event.inboxItemId());
        recipient = event.recipient();
    }

    @EventSourcingHandler
    void on(InboxItemDoneEvent event) {
        done = true;
    }
}
