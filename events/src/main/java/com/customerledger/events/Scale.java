package com.customerledger.events;

/** The size of a customer's operation: head of livestock, or area in mu or hectares. */
public record Scale(double value, Unit unit) {

    public enum Unit {
        HEAD,
        MU,
        HECTARE
    }
}
