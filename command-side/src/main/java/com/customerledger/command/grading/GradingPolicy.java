package com.customerledger.command.grading;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.GradeThreshold;
import com.customerledger.events.GradingPolicySetEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned grading thresholds. */
@Aggregate
public class GradingPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected GradingPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetGradingPolicyCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the grading policy");
        }
        if (!atLeast(command.s(), command.a()) || !atLeast(command.a(), command.b())) {
            throw new RejectedException(ErrorCode.INVALID_POLICY,
                    "each threshold of S must be at least A's, and each of A at least B's");
        }
        apply(new GradingPolicySetEvent(version + 1, command.s(), command.a(), command.b(), command.actor().userId()));
        return version;
    }

    private static boolean atLeast(GradeThreshold higher, GradeThreshold lower) {
        return higher.minVolume().compareTo(lower.minVolume()) >= 0 && higher.minMargin().compareTo(lower.minMargin()) >= 0
                && higher.minActiveMonths() >= lower.minActiveMonths();
    }

    @EventSourcingHandler
    void on(GradingPolicySetEvent event) {
        policyId = SetGradingPolicyCommand.POLICY_ID;
        version = event.version();
    }
}
