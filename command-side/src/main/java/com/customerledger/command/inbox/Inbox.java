package com.customerledger.command.inbox;

import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * How the ledger's rules put tasks and notices in inboxes. An item whose id (its occasion) is used already is
 * answered as opened: the rules need not know whether they saw the occasion before.
 */
@Component
public class Inbox {

    private final CommandGateway commands;

    public Inbox(CommandGateway commands) {
        this.commands = commands;
    }

    public CompletableFuture<Object> open(OpenInboxItemCommand command) {
        return commands.send(command);
    }
}
