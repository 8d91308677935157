package com.customerledger.command.rep;

import com.customerledger.command.Actor;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a rep's territory (regions, product lines, customer types) and capacity as a whole (managers, admins). */
public record ChangeRepTerritoryCommand(
        @TargetAggregateIdentifier RepId repId,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes,
        int capacity,
        Actor actor) {
}
