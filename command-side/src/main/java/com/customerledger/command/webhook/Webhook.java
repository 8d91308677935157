package com.customerledger.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.webhook.WebhookRegisteredEvent;
import com.customerledger.events.webhook.WebhookRemovedEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A webhook subscription. Its secret is stored beside the event, in the same transaction, never in it. */
@Aggregate
public class Webhook {

    @AggregateIdentifier
    private String id;
    private WebhookRegisteredEvent registered;
    private boolean removed;

    protected Webhook() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RegisterWebhookCommand command, WebhookOutbox outbox) {
        requireAdmin(command.actor().roles().contains(Role.ADMIN));
        String webhookId = command.webhookId().substring("webhook:".length());
        WebhookRegisteredEvent event = new WebhookRegisteredEvent(webhookId, command.url(), command.eventTypes(),
                digest(command.secret()), command.actor().userId());
        if (registered != null) {
            if (!removed && registered.url().equals(event.url()) && registered.eventTypes().equals(event.eventTypes())
                    && registered.secretDigest().equals(event.secretDigest())) {
                return webhookId;
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "webhook " + webhookId + " exists"
                    + (removed ? " (removed)" : " with other data"), "webhookId", webhookId);
        }
        apply(event);
        outbox.keepSecret(webhookId, command.secret());
        return webhookId;
    }

    @CommandHandler
    public void handle(RemoveWebhookCommand command) {
        requireAdmin(command.actor().roles().contains(Role.ADMIN));
        if (!removed) {
            apply(new WebhookRemovedEvent(registered.webhookId(), command.actor().userId()));
        }
    }

    private static void requireAdmin(boolean admin) {
        if (!admin) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins manage webhooks");
        }
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @EventSourcingHandler
    void on(WebhookRegisteredEvent event) {
        id = RegisterWebhookCommand.idOf(event.webhookId());
        registered = event;
    }

    @EventSourcingHandler
    void on(WebhookRemovedEvent event) {
        removed = true;
    }
}
