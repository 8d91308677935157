package com.customerledger.command.webhook;

import com.customerledger.command.PollingWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's deliveries: of each queue (webhook and customer) only the oldest pending one, so a queue
 * is delivered in order, at least once (a delivery the receiver took but whose answer was lost is sent again).
 * A 2xx answer marks it delivered; anything else waits {@code ledger.webhooks.backoff} × 2^(attempts − 1), at most
 * {@code ledger.webhooks.max-backoff}, and is tried again, however long the receiver is down, so the backlog
 * reaches it when it is back. It never holds up a command: commands only queue.
 */
@Component
public class WebhookDispatcher extends PollingWorker {

    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final Duration timeout;
    private final HttpClient http;

    public WebhookDispatcher(JdbcTemplate jdbc, Clock clock,
                             @Value("${ledger.webhooks.poll:500ms}") Duration poll,
                             @Value("${ledger.webhooks.backoff:1s}") Duration backoff,
                             @Value("${ledger.webhooks.max-backoff:5m}") Duration maxBackoff,
                             @Value("${ledger.webhooks.timeout:5s}") Duration timeout) {
        super("webhook-dispatcher", "the webhook dispatcher", poll);
        this.jdbc = jdbc;
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Due(long seq, String deliveryId, String webhookId, String eventType, String body, int attempts,
                       String url, String secret) {
    }

    @Override
    protected boolean runOnce() {
        List<Due> due = jdbc.query("SELECT d.seq, d.delivery_id, d.webhook_id, d.event_type, d.body, d.attempts, s.url, k.secret "
                        + "FROM webhook_delivery d JOIN webhook_subscription s ON s.webhook_id = d.webhook_id "
                        + "JOIN webhook_secret k ON k.webhook_id = d.webhook_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND d.seq = (SELECT MIN(e.seq) FROM "
                        + "webhook_delivery e WHERE e.webhook_id = d.webhook_id AND e.sequence_key = d.sequence_key "
                        + "AND e.status = 'PENDING') ORDER BY d.seq LIMIT " + BATCH,
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8)), clock.millis());
        boolean delivered = false;
        for (Due delivery : due) {
            if (!running()) {
                break;
            }
            delivered |= send(delivery);
        }
        // a delivered head lets the next of its queue go at once; a receiver that failed waits for its backoff
        return delivered;
    }

    /** Sends one delivery; answers whether the receiver took it. */
    private boolean send(Due delivery) {
        Integer status = null;
        String error = null;
        try {
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("content-type", "application/json")
                    .header("X-Ledger-Delivery", delivery.deliveryId())
                    .header("X-Ledger-Event", delivery.eventType())
                    .header("X-Ledger-Signature", "sha256=" + sign(body, delivery.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException failed) {
            error = failed.toString();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        long now = clock.millis();
        int attempts = delivery.attempts() + 1;
        if (error == null) {
            jdbc.update("UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL, "
                    + "delivered_at = ? WHERE seq = ?", attempts, status, now, delivery.seq());
        } else {
            long wait = Math.min(maxBackoff.toMillis(), backoff.toMillis() * (1L << Math.min(attempts - 1, 20)));
            jdbc.update("UPDATE webhook_delivery SET attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? "
                    + "WHERE seq = ?", attempts, status, error.length() > 1000 ? error.substring(0, 1000) : error, now + wait,
                    delivery.seq());
        }
        return error == null;
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret}, as X-Ledger-Signature carries it. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
