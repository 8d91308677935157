package com.customerledger.command.expert;

import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which expert a new ticket goes to, as pure logic. Only experts whose regions cover the customer's region and who
 * are below capacity are candidates; among them the one that knows the ticket's crop and species (both before one,
 * one before none) wins, then one that handles the ticket's kind, then the least loaded (share of capacity, as
 * the assignment rules' LEAST_LOADED picks a rep), then the lowest expert id. No candidate: nobody, with the reason.
 */
public final class Dispatch {

    /** The expert chosen (null: none) and why. */
    public record Decision(String expertId, String reason) {

        public boolean assigned() {
            return expertId != null;
        }
    }

    private Dispatch() {
    }

    public static Decision decide(Collection<ExpertCandidate> experts, Region customerRegion, TicketKind kind,
                                  String crop, String species) {
        if (customerRegion == null) {
            return new Decision(null, "the customer has no region an expert could cover");
        }
        List<ExpertCandidate> covering = experts.stream().filter(expert -> expert.covers(customerRegion)).toList();
        if (covering.isEmpty()) {
            return new Decision(null, "no expert covers " + customerRegion.path());
        }
        List<ExpertCandidate> available = covering.stream().filter(ExpertCandidate::available).toList();
        if (available.isEmpty()) {
            return new Decision(null, "every expert covering " + customerRegion.path() + " is at capacity");
        }
        ExpertCandidate chosen = available.stream().min(Comparator
                .comparingInt((ExpertCandidate expert) -> -expert.cropAndSpeciesMatches(crop, species))
                .thenComparing(expert -> expert.handles(kind) ? 0 : 1)
                .thenComparingDouble(ExpertCandidate::load)
                .thenComparing(ExpertCandidate::expertId)).orElseThrow();
        StringBuilder reason = new StringBuilder("covers " + customerRegion.path());
        if (chosen.cropAndSpeciesMatches(crop, species) > 0) {
            reason.append(", knows ").append(String.join(" and ", java.util.stream.Stream.of(crop, species)
                    .filter(value -> value != null && (chosen.crops().contains(value) || chosen.species().contains(value)))
                    .toList()));
        }
        if (chosen.handles(kind)) {
            reason.append(", handles ").append(kind);
        }
        reason.append(", ").append(chosen.open()).append(" of ").append(chosen.capacity()).append(" open tickets");
        return new Decision(chosen.expertId(), reason.toString());
    }
}
