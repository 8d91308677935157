package com.customerledger.command.credit;

/** A credit-limit request's id; its string form is qualified by kind in the event store. */
public record CreditRequestId(String value) {

    @Override
    public String toString() {
        return "credit-request:" + value;
    }
}
