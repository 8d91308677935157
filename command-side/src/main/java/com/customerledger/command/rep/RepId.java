package com.customerledger.command.rep;

/**
 * The identity of a sales rep; the same value is the rep id of the rep's user account. Its string
 * form is the aggregate identifier in the event store, qualified by kind ({@code rep:<value>}),
 * so that a rep id may equal a customer id.
 */
public record RepId(String value) {

    static final String KIND = "rep:";

    @Override
    public String toString() {
        return KIND + value;
    }
}
