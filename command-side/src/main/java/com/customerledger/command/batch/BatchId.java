package com.customerledger.command.batch;

/** The identity of a transfer batch; its string form is qualified by kind in the event store, like the other ids. */
public record BatchId(String value) {

    @Override
    public String toString() {
        return "batch:" + value;
    }
}
