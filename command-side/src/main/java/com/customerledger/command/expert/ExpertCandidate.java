package com.customerledger.command.expert;

import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.util.List;

/** What dispatch needs to know of an expert: what it covers, its capacity and how many open tickets it has. */
public record ExpertCandidate(String expertId, List<Region> regions, List<String> crops, List<String> species,
                              List<TicketKind> kinds, int capacity, int open) {

    /** Whether one of the expert's regions contains the customer's (as a rep's territory covers a customer). */
    public boolean covers(Region customerRegion) {
        return regions.stream().anyMatch(region -> region.covers(customerRegion));
    }

    /** Below capacity. */
    public boolean available() {
        return open < capacity;
    }

    /** How many of the ticket's crop and species the expert knows: 0, 1 or 2. */
    int cropAndSpeciesMatches(String crop, String species) {
        return (crop != null && crops.contains(crop) ? 1 : 0) + (species != null && this.species.contains(species) ? 1 : 0);
    }

    /** Whether the expert handles tickets of this kind (an expert that lists no kinds handles every kind). */
    boolean handles(TicketKind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    /** The share of capacity in use, as the assignment rules' least-loaded strategy measures a rep. */
    double load() {
        return (double) open / capacity;
    }
}
