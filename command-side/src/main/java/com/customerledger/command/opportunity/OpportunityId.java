package com.customerledger.command.opportunity;

/** The identity of an opportunity; its string form is qualified by kind in the event store. */
public record OpportunityId(String value) {

    @Override
    public String toString() {
        return "opportunity:" + value;
    }
}
