package com.customerledger.command.rep;

/** The identity of a sales rep; the same string is the rep id of the rep's user account. */
public record RepId(String value) {

    @Override
    public String toString() {
        return value;
    }
}
