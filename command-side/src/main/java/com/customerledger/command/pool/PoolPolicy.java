package com.customerledger.command.pool;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.PoolPolicySetEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned public-pool policy. */
@Aggregate
public class PoolPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected PoolPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetPoolPolicyCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the pool policy");
        }
        int shortest = Math.min(command.daysWithoutVisit(), command.daysWithoutDeal());
        if (command.reminderDaysBefore() >= shortest) {
            throw new RejectedException(ErrorCode.INVALID_POLICY,
                    "the reminder must come before the release: reminderDaysBefore must be less than " + shortest);
        }
        apply(new PoolPolicySetEvent(version + 1, command.daysWithoutVisit(), command.daysWithoutDeal(),
                command.reminderDaysBefore(), command.actor().userId()));
        return version;
    }

    @EventSourcingHandler
    void on(PoolPolicySetEvent event) {
        policyId = SetPoolPolicyCommand.POLICY_ID;
        version = event.version();
    }
}
