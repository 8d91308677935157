package com.customerledger.query.ticket;

import java.util.List;

/** One page of tickets, newest first. */
public record TicketPage(List<TicketView> items, int page, int size, long total) {
}
