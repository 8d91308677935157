package com.customerledger.events.upcasting;

import com.customerledger.events.CustomerRegisteredEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@link CustomerRegisteredEvent} revision 1, stored before imports existed, as revision 2
 * with {@code importId: null}: every registration of that time was made through the API.
 */
public class RegisteredWithoutImportUpcaster extends JsonRevisionUpcaster {

    public RegisteredWithoutImportUpcaster() {
        super(CustomerRegisteredEvent.class, "1", "2");
    }

    @Override
    ObjectNode change(ObjectNode event) {
        event.putNull("importId");
        return event;
    }
}
