package com.customerledger.query.ticket;

import com.customerledger.events.Region;
import com.customerledger.events.ticket.TicketKind;
import java.time.Instant;
import java.util.List;

/** An expert: what it covers, its capacity and how many tickets it has open (assigned, in progress or reopened). */
public record ExpertView(String expertId, String name, List<Region> regions, List<String> crops, List<String> species,
                         List<TicketKind> kinds, int capacity, long openTickets, String registeredBy,
                         Instant registeredAt) {
}
