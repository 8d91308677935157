package com.customerledger.events.upcasting;

import com.customerledger.events.CustomerRegisteredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads {@link CustomerRegisteredEvent} revision 1, stored before imports existed, as revision 2
 * with {@code importId: null}: every registration of that time was made through the API.
 */
public class RegisteredWithoutImportUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(CustomerRegisteredEvent.class.getTypeName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(CustomerRegisteredEvent.class.getTypeName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            event.putNull("importId");
            return event;
        });
    }
}
