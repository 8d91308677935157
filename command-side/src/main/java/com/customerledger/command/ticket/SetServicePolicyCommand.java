package com.customerledger.command.ticket;

import com.customerledger.command.Actor;
import com.customerledger.events.ticket.TicketSeverity;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set the service policy (ADMIN): for every severity, the ISO-8601 duration after which a ticket's first response
 * is due and the one after which its resolution is. Applies to tickets opened (and reopened) from then on.
 */
public record SetServicePolicyCommand(@TargetAggregateIdentifier String policyId,
                                      Map<TicketSeverity, String> firstResponse, Map<TicketSeverity, String> resolution,
                                      Actor actor) {

    public static final String POLICY_ID = "policy:service";

    public SetServicePolicyCommand {
        firstResponse = Map.copyOf(firstResponse);
        resolution = Map.copyOf(resolution);
    }

    public static SetServicePolicyCommand of(Map<TicketSeverity, String> firstResponse,
                                             Map<TicketSeverity, String> resolution, Actor actor) {
        return new SetServicePolicyCommand(POLICY_ID, firstResponse, resolution, actor);
    }
}
