package com.customerledger.command.pricing;

/** A product's id in the catalogue; its string form is qualified by kind in the event store. */
public record ProductId(String value) {

    @Override
    public String toString() {
        return "product:" + value;
    }
}
