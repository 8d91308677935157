package com.customerledger.command.operations;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.ParkedEventSkippedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;

/** Decisions of an admin about the read models that belong in the audited event stream. */
@Component
class ReadModelOperations {

    private final EventBus events;

    ReadModelOperations(EventBus events) {
        this.events = events;
    }

    @CommandHandler
    void handle(RecordParkedEventSkipCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only an admin decides what a projection skips");
        }
        events.publish(GenericEventMessage.asEventMessage(new ParkedEventSkippedEvent(command.projection(),
                command.eventId(), command.eventType(), command.aggregateId(), command.reason(), command.actor().userId())));
    }
}
