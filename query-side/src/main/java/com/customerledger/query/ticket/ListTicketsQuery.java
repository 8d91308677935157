package com.customerledger.query.ticket;

import com.customerledger.query.PageRequest;
import java.util.Set;

/**
 * Tickets, newest first, narrowed by status, expert, customer and whether a deadline has passed unmet
 * ({@code overdue}; null: either). {@code visibleToRepId} narrows them to the customers that rep may see (its own,
 * those it collaborates on, those in the pool); {@code customerIds}, when not null, to those customers.
 */
public record ListTicketsQuery(String status, String expertId, String customerId, Boolean overdue,
                               String visibleToRepId, Set<String> customerIds, PageRequest page) {
}
