package com.customerledger.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CustomerClaimedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/** A CustomerClaimedEvent stored at revision 1 (claimedBy) is read as revision 2 (authorizedBy). */
class ClaimedByRenamedUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void revisionOneFixtureReadsAsTheCurrentShape() throws Exception {
        byte[] stored;
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/CustomerClaimedEvent-revision-1.json")) {
            stored = fixture.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Customer", "customer:c-2025-0117", 3,
                "e-1", Instant.parse("2026-03-01T08:00:00Z"), CustomerClaimedEvent.class.getTypeName(), "1", stored,
                "{}".getBytes());

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new EventUpcasterChain(new ClaimedByRenamedUpcaster()));
        List<? extends DomainEventMessage<?>> messages = events.asStream().toList();

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getPayload()).isEqualTo(new CustomerClaimedEvent("c-2025-0117", "rep-a",
                Instant.parse("2026-03-01T08:00:00Z"), "rep-a"));
    }

    @Test
    void currentRevisionPassesThroughUntouched() {
        CustomerClaimedEvent current = new CustomerClaimedEvent("c-1", "rep-b", Instant.parse("2026-04-01T00:00:00Z"), "manager");
        byte[] bytes = serializer.serialize(current, byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Customer", "customer:c-1", 0, "e-2",
                Instant.now(), CustomerClaimedEvent.class.getTypeName(), "2", bytes, "{}".getBytes());
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new EventUpcasterChain(new ClaimedByRenamedUpcaster()));
        assertThat(events.asStream().toList().get(0).getPayload()).isEqualTo(current);
    }
}
