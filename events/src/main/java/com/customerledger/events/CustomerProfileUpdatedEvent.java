package com.customerledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A customer's profile was corrected or completed; {@code profile} is the whole profile after the change. */
@Revision("1")
public record CustomerProfileUpdatedEvent(
        String customerId,
        CustomerProfile profile,
        List<String> changedFields,
        String updatedBy) {

    public CustomerProfileUpdatedEvent {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}
