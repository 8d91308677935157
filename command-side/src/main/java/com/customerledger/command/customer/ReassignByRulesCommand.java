package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.TransferReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a customer away from {@code expectedOwnerRepId} to whoever the active assignment rules
 * choose; when they choose no one, the customer goes to the pool and the batch reports it.
 */
public record ReassignByRulesCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        String expectedOwnerRepId,
        TransferReason reason,
        Instant effectiveAt,
        String batchId,
        Actor actor) {
}
