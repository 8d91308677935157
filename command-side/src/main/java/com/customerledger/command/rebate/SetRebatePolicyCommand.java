package com.customerledger.command.rebate;

import com.customerledger.command.Actor;
import com.customerledger.events.rebate.RebateProgram;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new version of the rebate policy (ADMIN): the programs replace those of the version before. */
public record SetRebatePolicyCommand(@TargetAggregateIdentifier String policyId, List<RebateProgram> programs, Actor actor) {

    public static final String POLICY_ID = "policy:rebates";

    public static SetRebatePolicyCommand of(List<RebateProgram> programs, Actor actor) {
        return new SetRebatePolicyCommand(POLICY_ID, List.copyOf(programs), actor);
    }
}
