package com.customerledger.command.rebate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.rebate.RebatePolicySetEvent;
import com.customerledger.events.rebate.RebateProgram;
import com.customerledger.events.rebate.RebateTier;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned rebate policy: each version replaces the programs of the one before. */
@Aggregate
public class RebatePolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected RebatePolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetRebatePolicyCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the rebate policy");
        }
        Set<String> ids = new HashSet<>();
        for (RebateProgram program : command.programs()) {
            if (!ids.add(program.programId())) {
                throw new RejectedException(ErrorCode.INVALID_POLICY, "program id " + program.programId() + " is used twice");
            }
            RebateTier previous = null;
            for (RebateTier tier : program.tiers()) {
                if (previous != null && tier.from().compareTo(previous.from()) <= 0) {
                    throw new RejectedException(ErrorCode.INVALID_POLICY, "program " + program.programId()
                            + ": tiers must rise, each from more than the one before");
                }
                previous = tier;
            }
        }
        apply(new RebatePolicySetEvent(version + 1, command.programs(), command.actor().userId()));
        return version;
    }

    @EventSourcingHandler
    void on(RebatePolicySetEvent event) {
        policyId = SetRebatePolicyCommand.POLICY_ID;
        version = event.version();
    }
}
