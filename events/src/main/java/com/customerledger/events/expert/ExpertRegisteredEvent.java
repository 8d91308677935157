package com.customerledger.events.expert;

import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin registered an agronomy or service expert: the regions whose customers' tickets it takes, the crops and
 * species it knows, the kinds of ticket it handles, and how many open tickets it carries at most. The expert id is
 * the user id of the AGRONOMIST user who acts as the expert.
 */
@Revision("1")
public record ExpertRegisteredEvent(String expertId, String name, List<Region> regions, List<String> crops,
                                    List<String> species, List<TicketKind> kinds, int capacity, String registeredBy) {

    public ExpertRegisteredEvent {
        regions = List.copyOf(regions);
        crops = List.copyOf(crops);
        species = List.copyOf(species);
        kinds = List.copyOf(kinds);
    }
}
