package com.customerledger.command.grading;

import com.customerledger.command.Actor;
import com.customerledger.command.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Grade a customer under the grading policy in force, on its deals of the twelve months up to
 * {@code asOf} (admins, as part of a recompute). A grade set by hand is kept unless
 * {@code includeManual}. The answer says what happened; only {@link Regrading#CHANGED} appends an
 * event, the other outcomes (unchanged, kept by hand, no policy) append nothing.
 */
public record RegradeCustomerCommand(@TargetAggregateIdentifier CustomerId customerId, Instant asOf,
                                     boolean includeManual, Actor actor) {
}
