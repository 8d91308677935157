package com.customerledger.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads one revision of an event type's stored JSON as the next: {@link #change} turns the old payload into the
 * new one. Stored events are never rewritten; they are read through this.
 */
abstract class JsonRevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    JsonRevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(eventType.getTypeName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getTypeName(), toRevision);
    }

    /** The payload of the old revision, changed into the new one's shape. */
    abstract ObjectNode change(ObjectNode payload);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> change((ObjectNode) payload));
    }
}
