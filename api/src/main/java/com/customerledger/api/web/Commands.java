package com.customerledger.api.web;

import com.customerledger.api.config.LedgerProperties;
import com.customerledger.command.Actor;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
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

    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final Duration timeout;

    Commands(CommandGateway gateway, EventStore eventStore, LedgerProperties properties) {
        this.gateway = gateway;
        this.eventStore = eventStore;
        this.timeout = properties.commands().timeout();
    }

    public <R> Accepted<R> send(Object command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("userId", actor.userId(), "traceId", traceId()));
        R result;
        try {
            result = gateway.<R>send(message).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException failed) {
            throw unwrap(failed.getCause());
        } catch (TimeoutException slow) {
            throw new CommandTimeoutException(timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CommandTimeoutException(timeout);
        }
        return new Accepted<>(result, headPosition());
    }

    /** The global position of the newest stored event. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
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
