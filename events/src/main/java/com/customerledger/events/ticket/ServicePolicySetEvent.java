package com.customerledger.events.ticket;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * An admin set the service policy, version {@code version}: per severity, how long after a ticket is opened its
 * first response is due, and how long until it is resolved, as ISO-8601 durations ({@code PT4H}, {@code P2D}).
 */
@Revision("1")
public record ServicePolicySetEvent(int version, Map<TicketSeverity, String> firstResponse,
                                    Map<TicketSeverity, String> resolution, String setBy) {

    public ServicePolicySetEvent {
        firstResponse = Map.copyOf(firstResponse);
        resolution = Map.copyOf(resolution);
    }
}
