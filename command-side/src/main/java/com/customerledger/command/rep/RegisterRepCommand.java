package com.customerledger.command.rep;

import com.customerledger.command.Actor;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a sales rep with a territory and a capacity (admins only). Repeating it with the same id
 * and the same data appends nothing and answers the same; the same id with other data is refused.
 */
public record RegisterRepCommand(
        @TargetAggregateIdentifier RepId repId,
        String name,
        List<Region> regions,
        List<String> productLines,
        List<CustomerType> customerTypes,
        int capacity,
        String managerRepId,
        Actor actor) {
}
