package com.customerledger.command;

/**
 * Which instance runs a background worker that must run on one instance at a time (the transfer batch
 * worker, the webhook dispatcher: both read shared queues in order). With the command side's state in
 * one database per instance (the embedded store) every instance holds every lease; with a database that
 * several command instances share, one of them at a time does (docs/production.md). No bean of this
 * type: every worker runs.
 */
public interface WorkerLeases {

    /**
     * Whether this instance holds (or has just taken) the lease of {@code worker}; asked before every
     * round, so a lease lost with its connection is noticed and another instance takes over.
     */
    boolean holds(String worker);
}
