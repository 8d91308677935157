package com.customerledger.command.assignment;

import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import java.util.List;

/** What the assignment rules need to know of a rep: standing, load and territory. */
public record Candidate(
        String repId,
        RepStatus status,
        int capacity,
        int owned,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes) {

    /** Active and below capacity: never ON_LEAVE, DEPARTED or full. */
    public boolean eligible() {
        return status == RepStatus.ACTIVE && owned < capacity;
    }

    /**
     * Whether the rep's territory covers the customer: one of the rep's regions contains the
     * customer's; and where the rep lists product lines or customer types, the customer matches.
     */
    public boolean covers(CustomerProfile customer) {
        boolean inRegion = regions.stream().anyMatch(region -> region.covers(customer.region()));
        boolean inProductLines = productLines.isEmpty() || customer.productLines().isEmpty()
                || customer.productLines().stream().anyMatch(productLines::contains);
        boolean inTypes = customerTypes.isEmpty() || customerTypes.contains(customer.type());
        return inRegion && inProductLines && inTypes;
    }

    /** The share of capacity in use; the least loaded rep has the lowest. */
    double load() {
        return capacity == 0 ? Double.MAX_VALUE : (double) owned / capacity;
    }

    public Candidate withOwned(int newOwned) {
        return new Candidate(repId, status, capacity, newOwned, regions, productLines, customerTypes);
    }
}
