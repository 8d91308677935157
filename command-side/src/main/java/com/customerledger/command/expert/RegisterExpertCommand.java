package com.customerledger.command.expert;

import com.customerledger.command.Actor;
import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a service expert (ADMIN): the regions whose customers' tickets it takes, the crops and species it knows,
 * the kinds of ticket it handles (empty lists: any) and its capacity of open tickets. The expert id is the user id
 * of the AGRONOMIST user who acts as it. Repeating the command with the same data changes nothing.
 */
public record RegisterExpertCommand(String expertId, String name, List<Region> regions, List<String> crops,
                                    List<String> species, List<TicketKind> kinds, int capacity, Actor actor) {

    public RegisterExpertCommand {
        regions = List.copyOf(regions);
        crops = List.copyOf(crops);
        species = List.copyOf(species);
        kinds = List.copyOf(kinds);
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Expert.aggregateId(expertId);
    }
}
