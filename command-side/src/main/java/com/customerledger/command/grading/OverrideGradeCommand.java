package com.customerledger.command.grading;

import com.customerledger.command.Actor;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.events.Grade;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A manager sets a customer's grade by hand, with a reason; regrading keeps it unless told otherwise.
 * Setting by hand the grade already set by hand is a repeat: it appends nothing.
 */
public record OverrideGradeCommand(@TargetAggregateIdentifier CustomerId customerId, Grade grade, String reason,
                                   Actor actor) {
}
