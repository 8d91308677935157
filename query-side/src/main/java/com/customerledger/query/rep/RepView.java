package com.customerledger.query.rep;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import java.time.Instant;
import java.util.List;

/** A rep with territory, capacity, status and current load (customers owned). */
public record RepView(
        String repId,
        String name,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes,
        int capacity,
        String managerRepId,
        RepStatus status,
        long load,
        Instant registeredAt,
        Instant updatedAt) {
}
