package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * An admin set the grading thresholds: a customer gets the highest of S, A and B whose every
 * threshold it meets, otherwise C.
 */
@Revision("1")
public record GradingPolicySetEvent(int version, GradeThreshold s, GradeThreshold a, GradeThreshold b, String setBy) {

    public Grade grade(GradeInputs inputs) {
        if (s.metBy(inputs)) {
            return Grade.S;
        }
        if (a.metBy(inputs)) {
            return Grade.A;
        }
        return b.metBy(inputs) ? Grade.B : Grade.C;
    }
}
