package com.customerledger.events.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.Contact;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.VisitRecordedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Optional members added to a record without a new revision: events stored before them read with the member absent,
 * which is what they meant (no birthday known, no intent judged, no sample asked for). No upcaster is needed.
 */
class MembersAddedLaterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    private <T> T read(String fixture, Class<T> type) throws Exception {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            stored = in.readAllBytes();
        }
        return serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, type.getTypeName(), "1"));
    }

    @Test
    void aContactStoredBeforeBirthdaysHasNone() throws Exception {
        Contact contact = read("CustomerProfileUpdatedEvent-revision-1.json", CustomerProfileUpdatedEvent.class)
                .profile().contacts().get(0);
        assertThat(contact.name()).isEqualTo("王经理");
        assertThat(contact.birthday()).isNull();
        assertThat(contact.lunarBirthday()).isFalse();
    }

    @Test
    void aVisitStoredBeforeIntentsAndSamplesHasNeither() throws Exception {
        VisitRecordedEvent visit = read("VisitRecordedEvent-revision-1.json", VisitRecordedEvent.class);
        assertThat(visit.notes()).isEqualTo("看了猪舍");
        assertThat(visit.intent()).isNull();
        assertThat(visit.sampleRequest()).isNull();
    }
}
