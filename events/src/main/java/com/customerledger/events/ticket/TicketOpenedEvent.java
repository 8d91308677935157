package com.customerledger.events.ticket;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * User {@code openedBy} opened a service ticket for customer {@code customerId}: a question or complaint of
 * {@code kind} and {@code severity}, about {@code crop} or {@code species} where it names one. Its deadlines come
 * from service policy {@code policyVersion} (both null, and the version 0, when no service policy was set).
 */
@Revision("1")
public record TicketOpenedEvent(String ticketId, String customerId, TicketKind kind, TicketSeverity severity,
                                String subject, String description, String crop, String species, String openedBy,
                                Instant firstResponseDueAt, Instant resolutionDueAt, int policyVersion) {
}
