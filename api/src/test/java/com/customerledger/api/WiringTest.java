package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.CommandLookups;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.query.Projections;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded default really is durable: a silent fallback to an in-memory event bus or token
 * store (as happens when Axon's auto-configuration backs off) must fail here. Also checks that
 * every event carries who caused it and the request's trace.
 */
class WiringTest extends EmbeddedLedgerTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventBus eventBus;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void eventsGoToTheJdbcStoreAndTokensToMongo() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventBus).isInstanceOf(EmbeddedEventStore.class);
        assertThat(tokenStore).isInstanceOf(MongoTokenStore.class);
        for (String projection : Projections.ALL) {
            assertThat(processing.eventProcessor(projection)).get().isInstanceOf(PooledStreamingEventProcessor.class);
        }
        assertThat(processing.eventProcessor(CommandLookups.PROCESSING_GROUP)).get()
                .isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void everyEventCarriesUserCorrelationAndTraceFromTheServer() {
        registerRep("rep-a", 1000);
        Api.Response registered = api.post("rep-a", "/api/customers", newCustomer(null));
        String traceId = registered.raw().headers().firstValue("X-Trace-Id").orElseThrow();
        List<? extends EventMessage<?>> events = eventStore.readEvents(new CustomerId(registered.text("customerId")).toString()).asStream().toList();
        assertThat(events).hasSize(1);
        Map<String, Object> metaData = events.get(0).getMetaData();
        assertThat(metaData).containsEntry("userId", "rep-a").containsEntry("traceId", traceId).containsKey("correlationId");
    }

    @Test
    void operationsEndpointsAnswer() {
        // Axon registers its meters when the first command and event pass
        long position = registerRep("rep-a", 1000);
        assertThat(api.get("manager", "/api/reps/rep-a?minPosition=" + position).status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        Api.Response metrics = api.get(null, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("commandBus")
                .contains("eventProcessor_processedCounter_total{eventProcessor=\"rep-view\"}")
                .contains("ledger_projection_lag{projection=\"customer-view\"}")
                .contains("ledger_projection_position{projection=\"ownership-history\"}")
                // the processors count their events; Axon's timers, capacity and latency per event are not kept (EventProcessorCounts)
                .doesNotContain("eventProcessor_capacity").doesNotContain("eventProcessor_latency");
        Api.Response openApi = api.get(null, "/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body().get("paths").has("/api/customers/{customerId}/transfer")).isTrue();
    }
}
