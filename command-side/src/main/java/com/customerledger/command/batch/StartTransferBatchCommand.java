package com.customerledger.command.batch;

import com.customerledger.command.Actor;
import com.customerledger.events.CustomerFilterCriteria;
import com.customerledger.events.TransferReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move the customers of {@code fromRepId} that match {@code filter} to {@code toRepId} or, with
 * {@code byRules}, through the active assignment rules, as one tracked batch.
 */
public record StartTransferBatchCommand(
        @TargetAggregateIdentifier BatchId batchId,
        String fromRepId,
        String toRepId,
        boolean byRules,
        CustomerFilterCriteria filter,
        TransferReason reason,
        Instant effectiveAt,
        String note,
        Actor actor) {
}
