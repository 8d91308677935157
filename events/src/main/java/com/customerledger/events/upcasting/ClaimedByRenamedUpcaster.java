package com.customerledger.events.upcasting;

import com.customerledger.events.CustomerClaimedEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads {@link CustomerClaimedEvent} revision 1, stored with {@code claimedBy}, as revision 2 with
 * {@code authorizedBy}. Stored events are never rewritten; they are read through this.
 */
public class ClaimedByRenamedUpcaster extends JsonRevisionUpcaster {

    public ClaimedByRenamedUpcaster() {
        super(CustomerClaimedEvent.class, "1", "2");
    }

    @Override
    ObjectNode change(ObjectNode event) {
        event.set("authorizedBy", event.remove("claimedBy"));
        return event;
    }
}
