package com.customerledger.command.pool;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set when neglected customers return to the public pool, and how many days earlier their owner is reminded. */
public record SetPoolPolicyCommand(@TargetAggregateIdentifier String policyId, int daysWithoutVisit, int daysWithoutDeal,
                                   int reminderDaysBefore, Actor actor) {

    public static final String POLICY_ID = "policy:pool";

    public static SetPoolPolicyCommand of(int daysWithoutVisit, int daysWithoutDeal, int reminderDaysBefore, Actor actor) {
        return new SetPoolPolicyCommand(POLICY_ID, daysWithoutVisit, daysWithoutDeal, reminderDaysBefore, actor);
    }
}
