package com.customerledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.EventPositions;
import com.customerledger.query.audit.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The audit's reader on an engine that numbers its tokens from 0 as Axon Server does (Axon's
 * in-memory engine): positions still count from 1, as on the JDBC engine, and every read (after a
 * position, a page, a count, an aggregate, a period) answers in those positions.
 */
class AxonStoredEventsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final AxonStoredEvents stored = new AxonStoredEvents(new AuditSources.EngineStream(engine),
            id -> engine.readEvents(id, 0), serializer, serializer, EventPositions.axonServer());

    @Test
    void anEmptyStoreHasNothingAtAnyPosition() {
        assertThat(stored.head()).isZero();
        assertThat(stored.after(0, 10)).isEmpty();
        assertThat(stored.countAfter(0)).isZero();
    }

    @Test
    void positionsCountFromOneOnATokenThatCountsFromZero() {
        append("customer:c-1", 0, "registered", T0);
        append("customer:c-1", 1, "claimed", T0.plusSeconds(10));
        append("rep:r-1", 0, 7, T0.plusSeconds(20));
        append("customer:c-1", 2, "transferred", T0.plusSeconds(30));

        assertThat(stored.head()).isEqualTo(4);
        assertThat(stored.after(0, 10)).extracting(StoredEvent::position).containsExactly(1L, 2L, 3L, 4L);
        assertThat(stored.after(2, 10)).extracting(StoredEvent::position).containsExactly(3L, 4L);
        assertThat(stored.after(0, 2)).extracting(StoredEvent::position).containsExactly(1L, 2L);
        assertThat(stored.page(1, 3, 10)).extracting(StoredEvent::position).containsExactly(2L, 3L);
        assertThat(stored.after(4, 10)).isEmpty();
        assertThat(stored.countAfter(1)).isEqualTo(3);

        StoredEvent first = stored.after(0, 1).get(0);
        assertThat(first.aggregateId()).isEqualTo("customer:c-1");
        assertThat(first.type()).isEqualTo("Customer");
        assertThat(first.sequence()).isZero();
        assertThat(first.payloadType()).isEqualTo(String.class.getName());
        assertThat(new String(first.payload(), StandardCharsets.UTF_8)).isEqualTo("\"registered\"");
        assertThat(new String(first.metaData(), StandardCharsets.UTF_8)).contains("\"userId\":\"manager\"");
        assertThat(first.timestamp()).isEqualTo("2026-03-01T08:00:00.000Z");
        // the same event read twice has the same link: the chain can be recomputed
        assertThat(stored.after(0, 1).get(0).link(StoredEvent.GENESIS)).isEqualTo(first.link(StoredEvent.GENESIS));

        assertThat(stored.ofAggregate("customer:c-1")).extracting(StoredEvent::sequence).containsExactly(0L, 1L, 2L);

        List<Long> inWindow = new ArrayList<>();
        stored.recordedIn(List.of(String.class.getName()), T0.plusSeconds(5), T0.plusSeconds(30),
                event -> inWindow.add(event.position()));
        assertThat(inWindow).as("strings recorded in [t0+5s, t0+30s)").containsExactly(2L);
    }

    private void append(String aggregateId, long sequence, Object payload, Instant at) {
        engine.appendEvents(new GenericDomainEventMessage<>(aggregateId.substring(0, 1).toUpperCase().equals("C") ? "Customer" : "Rep",
                aggregateId, sequence, payload, MetaData.from(Map.of("userId", "manager")),
                java.util.UUID.randomUUID().toString(), at));
    }
}
