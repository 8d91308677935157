package com.customerledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A sales rep joined the ledger with a territory (regions, product lines, customer types) and a
 * capacity: the most customers they may own at once. {@code registeredBy} is the user who did it.
 */
@Revision("1")
public record RepRegisteredEvent(
        String repId,
        String name,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes,
        int capacity,
        String managerRepId,
        String registeredBy) {

    public RepRegisteredEvent {
        regions = regions == null ? List.of() : List.copyOf(regions);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        customerTypes = customerTypes == null ? List.of() : List.copyOf(customerTypes);
    }
}
