package com.customerledger.command.pool;

import com.customerledger.command.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The pool process found a customer neglected: remind {@code ownerRepId}, who still owns it, that it
 * returns to the public pool at {@code releaseAt} under pool policy {@code policyVersion}. Sent by
 * {@link PoolProcess} only; refused if the customer has another owner by now.
 */
public record RemindOfPoolReleaseCommand(@TargetAggregateIdentifier CustomerId customerId, String ownerRepId,
                                         Instant releaseAt, int policyVersion) {
}
