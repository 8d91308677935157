package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * A customer's grade changed from {@code from} (null: never graded) to {@code to}, on the figures in
 * {@code inputs}. Either the grading policy {@code policyVersion} decided it, or a manager overrode it
 * by hand ({@code manual}, with a {@code reason}); {@code changedBy} is who ran or made the change.
 */
@Revision("1")
public record CustomerGradeChangedEvent(
        String customerId,
        Grade from,
        Grade to,
        GradeInputs inputs,
        Integer policyVersion,
        boolean manual,
        String reason,
        String changedBy) {
}
