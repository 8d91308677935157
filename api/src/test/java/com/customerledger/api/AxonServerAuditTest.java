package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.server.AxonServerContainer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The audit trail on Axon Server and a MongoDB replica set answers as on the embedded stores: the
 * first event is at position 1, every stored event is linked and verified, the export has every
 * ownership change, and a link whose event is not in the store is a mismatch, never ok. (Axon
 * Server offers no way to edit or delete a stored event, so the tampering cases of AuditTest have
 * no counterpart here beyond the link without its event.) Needs Docker; skipped cleanly without.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AxonServerAuditTest {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17").withDevMode(true);
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void productionStores(DynamicPropertyRegistry registry) throws Exception {
        registry.add("axon.axonserver.enabled", () -> "true");
        registry.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("ledger"));
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-axonserver-audit-")::toString);
        registry.add("ledger.audit.link-interval", () -> "200ms");
    }

    @Test
    void eventsExportAndVerifyAnswerAsOnTheEmbeddedStore() {
        Api api = new Api(port);
        JsonNode empty = api.get("auditor", "/api/audit/verify").body();
        assertThat(empty.get("ok").asBoolean()).isFalse();
        assertThat(empty.get("outcome").asText()).isEqualTo("EMPTY");

        Instant from = Instant.now().minusSeconds(60);
        Api.Response first = api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 10));
        assertThat(first.position()).as("positions count from 1 on Axon Server too").isEqualTo(1);
        api.post("admin", "/api/reps", Map.of("repId", "rep-b", "name", "rep-b",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 10));
        String customer = api.post("manager", "/api/customers", Map.of("name", "服务器审计养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"))).text("customerId");
        api.post("rep-a", "/api/customers/" + customer + "/claim", null);
        long head = api.post("manager", "/api/customers/" + customer + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "DISPUTE")).position();

        JsonNode verified = api.await("auditor", "/api/audit/verify", r -> r.body().path("head").asLong() >= head,
                Duration.ofSeconds(30)).body();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(head);
        assertThat(verified.get("storeHead").asLong()).isEqualTo(head);

        JsonNode events = api.get("auditor", "/api/audit/events?customerId=" + customer).body();
        assertThat(events.findValuesAsText("type"))
                .containsExactly("CustomerRegisteredEvent", "CustomerClaimedEvent", "CustomerTransferredEvent");
        assertThat(events.get(2).get("position").asLong()).isEqualTo(head);
        assertThat(events.get(2).get("metaData").get("userId").asText()).isEqualTo("manager");
        assertThat(events.get(2).get("chainHash").asText()).hasSize(64);

        Instant to = Instant.now().plusSeconds(60);
        JsonNode trail = api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to).body();
        assertThat(trail.findValuesAsText("reason")).containsExactly("REGISTERED", "CLAIM", "DISPUTE");
        assertThat(trail.get(2).get("chainHash").asText()).isEqualTo(events.get(2).get("chainHash").asText());
        assertThat(api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to + "&customerId=" + customer).body()
                .findValuesAsText("eventId")).isEqualTo(trail.findValuesAsText("eventId"));
        String csv = api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to + "&format=csv").raw().body();
        assertThat(csv.lines().toList()).hasSize(4);

        // a link for an event the store does not hold (the chain of another store, or an event gone)
        mongo.getCollection("audit_chain").insertOne(new Document("_id", head + 1).append("eventId", "gone")
                .append("link", "0".repeat(64)));
        JsonNode gone = api.get("auditor", "/api/audit/verify").body();
        assertThat(gone.get("ok").asBoolean()).isFalse();
        assertThat(gone.get("outcome").asText()).isEqualTo("MISMATCH");
        assertThat(gone.get("firstMismatch").get("problem").asText()).contains("missing");
    }
}
