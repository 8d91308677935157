package com.customerledger.command.ticket;

/** A ticket's id; its string form is qualified by kind in the event store. */
public record TicketId(String value) {

    @Override
    public String toString() {
        return "ticket:" + value;
    }
}
