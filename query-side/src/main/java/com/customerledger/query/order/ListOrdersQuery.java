package com.customerledger.query.order;

import com.customerledger.query.PageRequest;
import java.time.Instant;

/** Orders submitted in [{@code from}, {@code to}), newest first; every filter left null matches all. */
public record ListOrdersQuery(String customerId, String ownerRepId, String status, Instant from, Instant to,
                              PageRequest page) {
}
