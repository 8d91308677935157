package com.customerledger.command.grading;

import com.customerledger.command.Actor;
import com.customerledger.command.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grade a customer under the grading policy in force, on its deals of the twelve months up to
 * {@code asOf}. A grade set by hand is kept unless {@code includeManual}.
 */
public record RegradeCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, Instant asOf,
                                     boolean includeManual, Actor actor) {
}
