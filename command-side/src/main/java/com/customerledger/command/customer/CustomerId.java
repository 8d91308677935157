package com.customerledger.command.customer;

/** The identity of a customer. */
public record CustomerId(String value) {

    @Override
    public String toString() {
        return value;
    }
}
