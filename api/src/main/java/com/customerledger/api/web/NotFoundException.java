package com.customerledger.api.web;

/** A read or write named an id the ledger does not know. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("no " + what + " with id " + id);
    }
}
