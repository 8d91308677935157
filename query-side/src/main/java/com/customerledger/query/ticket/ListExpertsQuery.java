package com.customerledger.query.ticket;

/** Every expert, by id, with its open tickets now. */
public record ListExpertsQuery() {
}
