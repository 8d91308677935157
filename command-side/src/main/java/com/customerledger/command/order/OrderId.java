package com.customerledger.command.order;

/** An order's id; its string form is qualified by kind in the event store. */
public record OrderId(String value) {

    @Override
    public String toString() {
        return "order:" + value;
    }
}
