package com.customerledger.command.pool;

import com.customerledger.command.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The pool process found a customer neglected until {@code releaseAt}: it returns from
 * {@code ownerRepId} to the public pool, effective then, under pool policy {@code policyVersion}.
 * Sent by {@link PoolProcess} only; refused if the customer has another owner by now.
 */
public record ReleaseNeglectedCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, String ownerRepId,
                                              Instant releaseAt, int policyVersion) {
}
