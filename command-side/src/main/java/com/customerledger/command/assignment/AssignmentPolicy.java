package com.customerledger.command.assignment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.AssignmentPolicyPublishedEvent;
import com.customerledger.events.AssignmentRule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned assignment rules. Each publication is a new version; old versions stay readable in the stream. */
@Aggregate
public class AssignmentPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected AssignmentPolicy() {
        // for Axon: event sourcing and CREATE_IF_MISSING
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(PublishAssignmentPolicyCommand command, RepBook reps) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins publish assignment rules");
        }
        List<AssignmentRule> rules = AssignmentRules.named(command.rules());
        Set<String> ruleIds = new HashSet<>();
        for (AssignmentRule rule : rules) {
            String ruleId = rule.ruleId();
            if (!ruleIds.add(ruleId)) {
                throw RejectedException.of(ErrorCode.INVALID_POLICY, "rule id " + ruleId + " is used twice", "ruleId", ruleId);
            }
            if (!rule.byTerritory() && rule.candidates().isEmpty()) {
                throw RejectedException.of(ErrorCode.INVALID_POLICY,
                        "rule " + ruleId + " names no candidates; list rep ids or use \"territory\"", "ruleId", ruleId);
            }
            rule.candidates().forEach(reps::requireActiveMember);
        }
        int next = version + 1;
        apply(new AssignmentPolicyPublishedEvent(next, rules, command.actor().userId()));
        return next;
    }

    @EventSourcingHandler
    void on(AssignmentPolicyPublishedEvent event) {
        policyId = PublishAssignmentPolicyCommand.POLICY_ID;
        version = event.version();
    }
}
