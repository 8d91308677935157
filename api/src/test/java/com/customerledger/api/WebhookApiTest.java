package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.webhook.WebhookDispatcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A receiver on loopback that checks every signature is down for a while, then up: it gets every subscribed
 * event, each customer's in the order they were stored, and nothing it did not subscribe to.
 */
class WebhookApiTest extends EmbeddedLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver took: the body as JSON, with whether its signature matched. */
    private record Received(String deliveryId, String type, JsonNode body, boolean signed) {
    }

    @Test
    void aReceiverThatWasDownGetsTheBacklogInOrderPerCustomerSignedWithItsSecret() throws Exception {
        String secret = "hook-secret-" + UUID.randomUUID();
        AtomicBoolean down = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(503, -1);
            } else {
                String signature = exchange.getRequestHeaders().getFirst("X-Ledger-Signature");
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Ledger-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Ledger-Event"), JSON.readTree(body),
                        ("sha256=" + WebhookDispatcher.sign(body, secret)).equals(signature)));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
        try {
            registerRep("rep-a", 1000);
            registerRep("rep-b", 1000);
            String hookId = "hook-" + UUID.randomUUID().toString().substring(0, 8);
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Map<String, Object> subscription = Map.of("webhookId", hookId, "url", url, "secret", secret,
                    "eventTypes", List.of("CustomerRegisteredEvent", "CustomerTransferredEvent"));
            assertThat(api.post("manager", "/api/webhooks", subscription).status()).isEqualTo(403);
            Api.Response registered = api.post("admin", "/api/webhooks", subscription);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            assertThat(api.post("admin", "/api/webhooks", subscription).status()).as("the same again").isEqualTo(201);
            assertRefused(409, streamOf("webhook:" + hookId), () -> api.post("admin", "/api/webhooks",
                    Map.of("webhookId", hookId, "url", url, "secret", secret, "eventTypes", List.of("*"))));

            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                customers.add(api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId"));
            }
            for (String to : List.of("rep-b", "rep-a", "rep-b")) {
                for (String customer : customers) {
                    assertThat(api.post("manager", "/api/customers/" + customer + "/transfer", Map.of("toRepId", to,
                            "reason", "MANUAL")).status()).isEqualTo(200);
                }
            }
            // not subscribed
            api.post("manager", "/api/customers/" + customers.get(0) + "/collaborators", Map.of("repId", "rep-a",
                    "role", "VIEWER"));

            String deliveries = "/api/webhooks/" + hookId + "/deliveries";
            // the head of each customer's queue is tried (and retried); the rest wait behind it
            JsonNode pending = api.await("admin", deliveries + "?status=PENDING", r -> r.body().get("total").asLong() == 8
                    && r.body().get("items").findValues("attempts").stream().filter(n -> n.asInt() >= 2).count() == 2,
                    Duration.ofSeconds(20)).body();
            assertThat(pending.get("total").asLong()).isEqualTo(8);
            List<JsonNode> tried = new ArrayList<>();
            pending.get("items").forEach(item -> {
                if (item.get("attempts").asInt() > 0) {
                    tried.add(item);
                }
            });
            assertThat(tried).as(pending.toString()).hasSize(2);
            assertThat(tried).allMatch(item -> item.get("lastStatus").asInt() == 503
                    && item.get("eventType").asText().equals("CustomerRegisteredEvent"));
            assertThat(refused.get()).isGreaterThanOrEqualTo(4);

            down.set(false);
            api.await("admin", deliveries + "?status=PENDING", r -> r.body().get("total").asLong() == 0, Duration.ofSeconds(30));
            JsonNode done = api.get("admin", deliveries + "?status=DELIVERED").body();
            assertThat(done.get("total").asLong()).isEqualTo(8);

            assertThat(received).allMatch(Received::signed, "every body is signed with the secret");
            assertThat(received.stream().map(Received::deliveryId).distinct().count()).isEqualTo(8);
            assertThat(received.stream().map(Received::type).distinct())
                    .containsExactlyInAnyOrder("CustomerRegisteredEvent", "CustomerTransferredEvent");
            for (String customer : customers) {
                List<JsonNode> theirs = received.stream().map(Received::body)
                        .filter(body -> customer.equals(body.path("payload").path("customerId").asText())).toList();
                assertThat(theirs.stream().map(body -> body.get("type").asText()).toList()).containsExactly(
                        "CustomerRegisteredEvent", "CustomerTransferredEvent", "CustomerTransferredEvent",
                        "CustomerTransferredEvent");
                assertThat(theirs.stream().map(body -> body.get("sequence").asLong()).toList()).isSorted();
                assertThat(theirs.stream().map(body -> body.path("payload").path("toRepId").asText()).skip(1).toList())
                        .containsExactly("rep-b", "rep-a", "rep-b");
                assertThat(theirs.get(1).path("metadata").path("userId").asText()).isEqualTo("manager");
            }
            // the secret is in no stored event
            for (String id : storedEventIds("webhook:" + hookId)) {
                assertThat(eventStore.queryForObject("SELECT payload FROM DomainEventEntry WHERE eventIdentifier = ?",
                        byte[].class, id)).asString(StandardCharsets.UTF_8).doesNotContain(secret);
            }

            // ended: nothing more is queued for it
            assertThat(api.delete("admin", "/api/webhooks/" + hookId).status()).isEqualTo(200);
            long after = api.post("manager", "/api/customers", newCustomer("rep-a")).position();
            assertThat(api.get("admin", deliveries).body().get("total").asLong()).as("after " + after).isEqualTo(8);
            assertThat(api.get("admin", "/api/webhooks").body().findValuesAsText("webhookId")).contains(hookId);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void badSubscriptionsAre400AndChangeNothing() {
        String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("webhookId", id, "url", "ftp://example.com/x", "secret", "0123456789abcdef",
                        "eventTypes", List.of("CustomerRegisteredEvent")),
                Map.<String, Object>of("webhookId", id, "url", "not a url", "secret", "0123456789abcdef",
                        "eventTypes", List.of("CustomerRegisteredEvent")),
                Map.<String, Object>of("webhookId", id, "url", "https://example.com/x", "secret", "short",
                        "eventTypes", List.of("CustomerRegisteredEvent")),
                Map.<String, Object>of("webhookId", id, "url", "https://example.com/x", "secret", "0123456789abcdef",
                        "eventTypes", List.of("NoSuchEvent")),
                Map.<String, Object>of("webhookId", id, "url", "https://example.com/x", "secret", "0123456789abcdef",
                        "eventTypes", List.of()))) {
            assertRefused(400, streamOf("webhook:" + id), () -> api.post("admin", "/api/webhooks", bad));
        }
        assertThat(api.get("admin", "/api/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(api.delete("admin", "/api/webhooks/" + id).status()).isEqualTo(404);
        assertThat(Set.of(403)).contains(api.get("manager", "/api/webhooks").status());
    }
}
