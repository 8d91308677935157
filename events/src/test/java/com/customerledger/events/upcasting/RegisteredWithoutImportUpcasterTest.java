package com.customerledger.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CustomerRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/** A CustomerRegisteredEvent stored at revision 1 reads as revision 2: made through the API, no import, reason REGISTERED. */
class RegisteredWithoutImportUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @Test
    void revisionOneFixtureReadsAsARegistrationWithoutImport() throws Exception {
        byte[] stored;
        try (InputStream fixture = getClass().getResourceAsStream("/fixtures/CustomerRegisteredEvent-revision-1.json")) {
            stored = fixture.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Customer", "customer:c-2025-0042", 0,
                "e-1", Instant.parse("2026-03-01T08:00:00Z"), CustomerRegisteredEvent.class.getTypeName(), "1", stored,
                "{}".getBytes());

        List<? extends DomainEventMessage<?>> messages = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                serializer, new EventUpcasterChain(new RegisteredWithoutImportUpcaster())).asStream().toList();

        CustomerRegisteredEvent event = (CustomerRegisteredEvent) messages.get(0).getPayload();
        assertThat(event.importId()).isNull();
        assertThat(event.ownerRepId()).isEqualTo("rep-a");
        assertThat(event.profile().name()).isEqualTo("寿光市绿源养殖有限公司");
        assertThat(event.reasonCode()).isEqualTo("REGISTERED");
    }

    @Test
    void anImportedRegistrationRoundTripsWithItsImportAndReason() {
        CustomerRegisteredEvent imported = new CustomerRegisteredEvent("c-1", null, "rep-b", null, null, null,
                Instant.parse("2025-01-01T00:00:00Z"), "manager", "imp-1");
        byte[] bytes = serializer.serialize(imported, byte[].class).getData();
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Customer", "customer:c-1", 0, "e-2",
                Instant.now(), CustomerRegisteredEvent.class.getTypeName(), "2", bytes, "{}".getBytes());
        Object read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer,
                new EventUpcasterChain(new RegisteredWithoutImportUpcaster())).asStream().toList().get(0).getPayload();
        assertThat(read).isEqualTo(imported);
        assertThat(imported.reasonCode()).isEqualTo("IMPORT");
    }
}
