package com.customerledger.command;

/**
 * The processing group of the command side's own lookup tables (customer identity keys, rep books).
 * It is a subscribing processor whose handlers run inside the transaction that appends the events
 * and propagate their errors, so a violated unique key rolls the whole command back.
 */
public final class CommandLookups {

    public static final String PROCESSING_GROUP = "command-lookups";

    private CommandLookups() {
    }
}
