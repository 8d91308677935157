package com.customerledger.query.policy;

import com.customerledger.events.ticket.TicketSeverity;
import java.time.Instant;
import java.util.Map;

/**
 * The service policy in force: per severity, the ISO-8601 durations to a ticket's first response and to its
 * resolution. Version 0 means none was set and tickets have no deadlines.
 */
public record ServicePolicyView(int version, Map<TicketSeverity, String> firstResponse,
                                Map<TicketSeverity, String> resolution, String setBy, Instant setAt) {
}
