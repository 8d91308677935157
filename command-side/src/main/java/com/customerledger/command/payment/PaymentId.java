package com.customerledger.command.payment;

/** A payment's id (the bank's or the ERP's reference); its string form is qualified by kind in the event store. */
public record PaymentId(String value) {

    @Override
    public String toString() {
        return "payment:" + value;
    }
}
