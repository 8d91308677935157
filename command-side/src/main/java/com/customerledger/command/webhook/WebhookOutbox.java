package com.customerledger.command.webhook;

import com.customerledger.events.webhook.WebhookRegisteredEvent;
import com.customerledger.events.webhook.WebhookRemovedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhooks' outbox. In the transaction of every stored event (a subscribing processor of its own, never
 * replayed and never part of a lookup rebuild) it queues one delivery per active subscription of the event's type,
 * so no stored event is missed and none is sent for a command that failed; {@link WebhookDispatcher} sends them.
 * A delivery's queue is its webhook and the event's customer (or, without one, its aggregate): in order there.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    public static final String PROCESSING_GROUP = "webhook-outbox";
    private static final String SEPARATOR = "|";

    /** A queued or sent delivery, as the deliveries list shows it. */
    public record Delivery(String deliveryId, String webhookId, String eventId, String eventType, String sequenceKey,
                           String status, int attempts, Integer lastStatus, String lastError, long createdAt,
                           Long deliveredAt, long nextAttemptAt) {
    }

    /** A subscription, without its secret. */
    public record Subscription(String webhookId, String url, List<String> eventTypes, boolean active) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public WebhookOutbox(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Called by the registering command, in its transaction. */
    void keepSecret(String webhookId, String secret) {
        jdbc.update("INSERT INTO webhook_secret (webhook_id, secret) VALUES (?, ?)", webhookId, secret);
    }

    @EventHandler
    void on(WebhookRegisteredEvent event) {
        jdbc.update("INSERT INTO webhook_subscription (webhook_id, url, event_types, active) VALUES (?, ?, ?, TRUE)",
                event.webhookId(), event.url(), String.join(SEPARATOR, event.eventTypes()));
    }

    @EventHandler
    void on(WebhookRemovedEvent event) {
        jdbc.update("UPDATE webhook_subscription SET active = FALSE WHERE webhook_id = ?", event.webhookId());
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        String type = payload.getClass().getSimpleName();
        List<String[]> subscribers = jdbc.query("SELECT webhook_id, event_types FROM webhook_subscription WHERE active",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        String body = null;
        for (String[] subscriber : subscribers) {
            List<String> types = Arrays.asList(subscriber[1].split("\\" + SEPARATOR));
            if (!types.contains(type) && !types.contains("*")) {
                continue;
            }
            String deliveryId = UUID.randomUUID().toString();
            if (body == null) {
                body = body(payload, event);
            }
            long now = clock.millis();
            jdbc.update("INSERT INTO webhook_delivery (delivery_id, webhook_id, event_id, event_type, sequence_key, body, "
                            + "status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    deliveryId, subscriber[0], event.getIdentifier(), type, sequenceKey(payload, event), body, now, now);
        }
    }

    private String body(Object payload, EventMessage<?> event) {
        ObjectNode body = json.createObjectNode();
        body.put("eventId", event.getIdentifier());
        body.put("type", payload.getClass().getSimpleName());
        if (event instanceof DomainEventMessage<?> domain) {
            body.put("aggregateId", domain.getAggregateIdentifier());
            body.put("sequence", domain.getSequenceNumber());
        }
        body.put("timestamp", event.getTimestamp().toString());
        body.set("metadata", json.valueToTree(event.getMetaData()));
        body.set("payload", json.valueToTree(payload));
        try {
            return json.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unexpected) {
            throw new IllegalStateException("event " + event.getIdentifier() + " cannot be written as JSON", unexpected);
        }
    }

    /** The event's customer when it names one (in order per customer), else its aggregate. */
    private static String sequenceKey(Object payload, EventMessage<?> event) {
        if (payload instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("customerId")) {
                    try {
                        Object value = component.getAccessor().invoke(record);
                        if (value != null) {
                            return "customer:" + value;
                        }
                    } catch (ReflectiveOperationException unreadable) {
                        break;
                    }
                }
            }
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /** The subscriptions, by id. */
    public List<Subscription> subscriptions() {
        return jdbc.query("SELECT webhook_id, url, event_types, active FROM webhook_subscription ORDER BY webhook_id",
                (rs, i) -> new Subscription(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split("\\" + SEPARATOR)),
                        rs.getBoolean(4)));
    }

    public Optional<Subscription> subscription(String webhookId) {
        return subscriptions().stream().filter(subscription -> subscription.webhookId().equals(webhookId)).findFirst();
    }

    /** A webhook's deliveries, newest first, at most {@code limit} from {@code offset}. */
    public List<Delivery> deliveries(String webhookId, String status, int offset, int limit) {
        String where = status == null ? "" : " AND status = ?";
        Object[] args = status == null ? new Object[] {webhookId, limit, offset} : new Object[] {webhookId, status, limit, offset};
        return jdbc.query("SELECT delivery_id, webhook_id, event_id, event_type, sequence_key, status, attempts, last_status, "
                + "last_error, created_at, delivered_at, next_attempt_at FROM webhook_delivery WHERE webhook_id = ?" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", (rs, i) -> new Delivery(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                (Integer) rs.getObject(8), rs.getString(9), rs.getLong(10), (Long) rs.getObject(11) == null ? null : rs.getLong(11),
                rs.getLong(12)), args);
    }

    public long count(String webhookId, String status) {
        return status == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ?", Long.class, webhookId)
                : jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ? AND status = ?", Long.class,
                webhookId, status);
    }
}
