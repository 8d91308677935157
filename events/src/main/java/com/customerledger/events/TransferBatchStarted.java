package com.customerledger.events;

import java.time.Instant;
import java.util.List;

/**
 * The start of a tracked batch of ownership moves: every customer {@code fromRepId} owned (and, for
 * a departure, every customer they collaborated on) at the start, to move to {@code toRepId} or,
 * with {@code byRules}, to whoever the active assignment rules choose.
 */
public interface TransferBatchStarted {

    String batchId();

    String fromRepId();

    String toRepId();

    boolean byRules();

    TransferReason reason();

    /** When the moves count in business time; null: when each move is made. */
    Instant effectiveAt();

    /** Free text from whoever started the batch (for a departure: why the rep left). */
    String note();

    List<String> customerIds();

    /** Customers on which {@code fromRepId} loses a collaborator role (departures only). */
    List<String> collaborations();

    String startedBy();
}
