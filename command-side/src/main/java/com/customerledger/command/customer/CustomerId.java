package com.customerledger.command.customer;

/**
 * The identity of a customer. Its string form is the aggregate identifier in the event store,
 * qualified by kind ({@code customer:<value>}): customers and reps share one identifier space there,
 * and a company's ERP customer number may well equal an HR employee number.
 */
public record CustomerId(String value) {

    static final String KIND = "customer:";

    @Override
    public String toString() {
        return KIND + value;
    }
}
