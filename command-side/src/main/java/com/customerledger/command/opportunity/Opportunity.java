package com.customerledger.command.opportunity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One sales pursuit. It only moves forward (a stage may be skipped, e.g. no sample), and once WON
 * or LOST it is closed. The customer's owner, its EDITOR collaborators, managers and admins may act.
 */
@Aggregate
public class Opportunity {

    @AggregateIdentifier
    private String id;
    private OpportunityOpenedEvent opened;
    private OpportunityStage stage;

    protected Opportunity() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OpenOpportunityCommand command, RepBook reps) {
        RepBook.CustomerStanding customer = reps.customer(command.customerId()).orElseThrow(() -> RejectedException.of(
                ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId(), "customerId",
                command.customerId()));
        requireMayAct(command.actor(), customer);
        OpportunityOpenedEvent event = new OpportunityOpenedEvent(command.opportunityId().value(), command.customerId(),
                command.productLine(), command.expectedValue(), customer.ownerRepId(), customer.region(),
                command.actor().userId());
        if (opened != null) {
            if (!sameOpening(opened, event)) {
                throw new RejectedException(ErrorCode.ID_ALREADY_USED, "opportunity id is already used with other data");
            }
            return opened.opportunityId();
        }
        apply(event);
        return event.opportunityId();
    }

    private static boolean sameOpening(OpportunityOpenedEvent earlier, OpportunityOpenedEvent now) {
        return earlier.customerId().equals(now.customerId()) && earlier.productLine().equals(now.productLine())
                && Objects.equals(earlier.expectedValue() == null ? null : earlier.expectedValue().stripTrailingZeros(),
                now.expectedValue() == null ? null : now.expectedValue().stripTrailingZeros());
    }

    @CommandHandler
    public void handle(AdvanceOpportunityCommand command, RepBook reps) {
        requireMayAct(command.actor(), reps.customer(opened.customerId()).orElseThrow());
        if (stage.closed()) {
            throw RejectedException.of(ErrorCode.OPPORTUNITY_CLOSED, "opportunity " + opened.opportunityId() + " is already "
                    + stage, "stage", stage.name());
        }
        OpportunityStage target = command.stage();
        if (target != OpportunityStage.LOST && target.ordinal() <= stage.ordinal()) {
            throw RejectedException.of(ErrorCode.STAGE_BACKWARDS, "opportunity " + opened.opportunityId() + " is at " + stage
                    + " and only moves forward, not to " + target, "stage", stage.name());
        }
        apply(new OpportunityAdvancedEvent(opened.opportunityId(), opened.customerId(), stage, target, command.note(),
                target == OpportunityStage.WON ? command.amount() : null, command.actor().userId()));
    }

    private static void requireMayAct(Actor actor, RepBook.CustomerStanding customer) {
        if (!customer.worksOn(actor)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the customer's owner, its editors and managers work its "
                    + "opportunities");
        }
    }

    @EventSourcingHandler
    void on(OpportunityOpenedEvent event) {
        id = new OpportunityId(event.opportunityId()).toString();
        opened = event;
        stage = OpportunityStage.LEAD;
    }

    @EventSourcingHandler
    void on(OpportunityAdvancedEvent event) {
        stage = event.to();
    }
}
