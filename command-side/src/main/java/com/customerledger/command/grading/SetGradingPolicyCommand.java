package com.customerledger.command.grading;

import com.customerledger.command.Actor;
import com.customerledger.events.GradeThreshold;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set the thresholds of grades S, A and B (everything else is C). */
public record SetGradingPolicyCommand(@TargetAggregateIdentifier String policyId, GradeThreshold s, GradeThreshold a,
                                      GradeThreshold b, Actor actor) {

    public static final String POLICY_ID = "policy:grading";

    public static SetGradingPolicyCommand of(GradeThreshold s, GradeThreshold a, GradeThreshold b, Actor actor) {
        return new SetGradingPolicyCommand(POLICY_ID, s, a, b, actor);
    }
}
