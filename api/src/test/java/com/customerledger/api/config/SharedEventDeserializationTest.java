package com.customerledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The embedded event store deserializes each event once for all its readers, and only what no reader can change. */
class SharedEventDeserializationTest {

    private final JacksonSerializer jackson = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private final SharedEventDeserialization shared = new SharedEventDeserialization(jackson);

    @Test
    void theSameBytesOfAnEventGiveEveryReaderTheSameUnchangeableEvent() {
        SerializedObject<byte[]> one = jackson.serialize(registered("c-1"), byte[].class);
        // a second reader's copy of the same stored bytes
        SerializedObject<byte[]> again = new SimpleSerializedObject<>(one.getData().clone(), byte[].class, one.getType());

        CustomerRegisteredEvent first = shared.deserialize(one);
        CustomerRegisteredEvent second = shared.deserialize(again);
        assertThat(second).isSameAs(first).isEqualTo(registered("c-1"));
        assertThatThrownBy(() -> first.profile().species().add("sheep")).isInstanceOf(UnsupportedOperationException.class);

        CustomerRegisteredEvent other = shared.deserialize(jackson.serialize(registered("c-2"), byte[].class));
        assertThat(other.customerId()).isEqualTo("c-2");
        assertThat(other).isNotSameAs(first);
    }

    @Test
    void metadataIsSharedAndWhatAReaderCouldChangeIsNot() {
        SerializedObject<byte[]> metadata = jackson.serialize(MetaData.with("userId", "rep-a"), byte[].class);
        MetaData read = shared.deserialize(metadata);
        assertThat(read).containsEntry("userId", "rep-a");
        assertThat((Object) shared.deserialize(metadata)).isSameAs(read);

        // not an event of the ledger: a list each reader gets a copy of
        SerializedObject<byte[]> list = jackson.serialize(new ArrayList<>(List.of("a", "b")), byte[].class);
        List<String> mine = shared.deserialize(list);
        List<String> theirs = shared.deserialize(list);
        assertThat(theirs).isEqualTo(mine).isNotSameAs(mine);
        assertThat((Object) shared.deserialize(jackson.serialize(Map.of("k", 1), byte[].class))).isEqualTo(Map.of("k", 1));
    }

    private static CustomerRegisteredEvent registered(String id) {
        return CustomerRegisteredEvent.byPerson(id, new CustomerProfile("绿源养猪场", CustomerType.FARM,
                        new Region("山东省", "潍坊市", null), null, null, null, List.of(), null, List.of("pig"), List.of(),
                        List.of("feed"), null), "rep-a", Instant.parse("2026-12-03T08:00:00Z"), "manager");
    }
}
