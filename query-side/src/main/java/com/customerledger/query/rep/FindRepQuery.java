package com.customerledger.query.rep;

/** One rep, if registered. */
public record FindRepQuery(String repId) {
}
