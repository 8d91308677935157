package com.customerledger.command.customer;

import com.customerledger.command.Actor;
import com.customerledger.events.TransferReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a customer to {@code toRepId}. {@code effectiveAt} (default: now) may be backdated, but not
 * before the last ownership change. With {@code expectedOwnerRepId} the transfer is refused unless
 * that rep still owns the customer, so a manager acting on a stale screen cannot overwrite a newer
 * decision. {@code batchId} names the bulk transfer this move belongs to, if any.
 */
public record TransferCustomerCommand(
        @TargetAggregateIdentifier CustomerId customerId,
        String toRepId,
        TransferReason reason,
        Instant effectiveAt,
        String expectedOwnerRepId,
        String note,
        String batchId,
        Actor actor) {
}
