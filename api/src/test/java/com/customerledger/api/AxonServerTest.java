package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production shape: events in Axon Server, read models in a MongoDB replica set, switched on by
 * configuration only (as the docker profile does). Needs a Docker engine; skipped cleanly without one.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AxonServerTest {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17").withDevMode(true);
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void productionStores(DynamicPropertyRegistry registry) throws Exception {
        registry.add("axon.axonserver.enabled", () -> "true");
        registry.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("ledger"));
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-axonserver-")::toString);
    }

    @Test
    void racingClaimsAndBackdatedTransfersWorkOnAxonServer() {
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
        Api api = new Api(port);
        for (String rep : List.of("rep-a", "rep-b")) {
            assertThat(api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 5)).status()).isEqualTo(201);
        }
        Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "服务器养殖场", "type", "FARM",
                "region", Map.of("province", "山东省", "county", "寿光市")));
        String id = registered.text("customerId");
        assertThat(api.post("rep-a", "/api/customers/" + id + "/claim", null).status()).isEqualTo(200);
        Api.Response lost = api.post("rep-b", "/api/customers/" + id + "/claim", null);
        assertThat(lost.status()).isEqualTo(409);
        assertThat(lost.text("currentOwnerRepId")).isEqualTo("rep-a");
        Api.Response moved = api.post("manager", "/api/customers/" + id + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "REBALANCE"));
        assertThat(moved.status()).isEqualTo(200);
        Api.Response history = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + moved.position());
        assertThat(history.body().get("periods")).hasSize(3);
    }
}
