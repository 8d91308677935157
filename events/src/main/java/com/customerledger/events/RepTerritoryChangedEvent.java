package com.customerledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A rep's territory or capacity was replaced as a whole. Customers already owned stay owned even
 * when they fall outside the new territory or above the new capacity.
 */
@Revision("1")
public record RepTerritoryChangedEvent(
        String repId,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes,
        int capacity,
        String changedBy) {

    public RepTerritoryChangedEvent {
        regions = regions == null ? List.of() : List.copyOf(regions);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        customerTypes = customerTypes == null ? List.of() : List.copyOf(customerTypes);
    }
}
