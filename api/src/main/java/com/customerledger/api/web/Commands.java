package com.customerledger.api.web;

import com.customerledger.events.EventPositions;
import com.customerledger.api.config.LedgerProperties;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Sends a command for the authenticated user and waits until its events are stored. The answer
 * carries the global event position a client can pass back as {@code minPosition} to read its write.
 */
@Component
public class Commands {

    /** The result of a stored command and the event position the store had reached when it was. */
    public record Accepted<R>(R result, long position) {
    }

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final Duration timeout;
    private final EventPositions positions;

    Commands(CommandGateway gateway, EventStore eventStore, LedgerProperties properties, EventPositions positions) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.positions = positions;
        this.timeout = properties.commands().timeout();
    }

    public <R> Accepted<R> send(Object command, Actor actor) {
        R result = dispatch(command, actor);
        return new Accepted<>(result, headPosition());
    }

    /**
     * Sends a command and waits until its events are stored, as {@link #send} does, without reading the
     * store's head position afterwards: for background work that reads nothing back (an import's rows).
     */
    public <R> R dispatch(Object command, Actor actor) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("userId", actor.userId(), "traceId", traceId()));
        // the callback form: the future form of the gateway logs every refusal as a WARN
        FutureCallback<Object, R> callback = new FutureCallback<>();
        gateway.send(message, callback);
        CommandResultMessage<? extends R> answer;
        try {
            answer = callback.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException failed) {
            throw failed(message, failed.getCause());
        } catch (TimeoutException slow) {
            throw new CommandTimeoutException(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CommandTimeoutException(timeout);
        }
        if (answer.isExceptional()) {
            throw failed(message, answer.exceptionResult());
        }
        return answer.getPayload();
    }

    /**
     * A refusal is the ledger working as it should (a 撞单, a rep without the right): one INFO line
     * with its code. Anything else is a failure of the command and stays a WARN.
     */
    private static RuntimeException failed(CommandMessage<?> command, Throwable failure) {
        String name = command.getPayloadType().getSimpleName();
        if (failure instanceof RejectedException rejected) {
            log.info("{} refused: {} ({})", name, rejected.code(), rejected.getMessage());
        } else if (failure instanceof AggregateNotFoundException unknown) {
            log.info("{} refused: NOT_FOUND ({})", name, unknown.getAggregateIdentifier());
        } else {
            log.warn("{} failed: {}", name, failure.toString());
        }
        return unwrap(failure);
    }

    /** The position of the newest stored event (counted from 1, {@link EventPositions}); 0 for an empty store. */
    public long headPosition() {
        return positions.of(eventStore.createHeadToken());
    }

    private static RuntimeException unwrap(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static String traceId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object traceId = request == null ? null : request.getAttribute(TraceFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return traceId == null ? UUID.randomUUID().toString() : traceId.toString();
    }

    /** The command was not stored within the configured time; whether it will be is unknown. */
    public static class CommandTimeoutException extends RuntimeException {

        CommandTimeoutException(Duration timeout) {
            super("the command was not confirmed within " + timeout.toMillis() + " ms; "
                    + "read back before repeating it, or repeat it with the same id");
        }
    }
}
