package com.customerledger.command.assignment;

import com.customerledger.command.Actor;
import com.customerledger.events.AssignmentRule;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the assignment rules with a new version. Rules without an id get one from their position. */
public record PublishAssignmentPolicyCommand(@TargetAggregateIdentifier String policyId, List<AssignmentRule> rules,
                                             Actor actor) {

    /** The one assignment policy of the ledger, in its own identifier namespace. */
    public static final String POLICY_ID = "policy:assignment";

    public static PublishAssignmentPolicyCommand of(List<AssignmentRule> rules, Actor actor) {
        return new PublishAssignmentPolicyCommand(POLICY_ID, rules, actor);
    }
}
