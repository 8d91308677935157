package com.customerledger.command.target;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.target.SalesTargetSetEvent;
import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The sales target of one rep or one dealer for one period; every change is kept. */
@Aggregate
public class SalesTarget {

    @AggregateIdentifier
    private String targetId;
    private BigDecimal amount;

    protected SalesTarget() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(SetSalesTargetCommand command, RepBook reps) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins set sales targets");
        }
        if (command.repId() != null) {
            reps.standing(command.repId()).orElseThrow(() -> RejectedException.of(ErrorCode.REP_NOT_FOUND,
                    "rep " + command.repId() + " is not registered", "repId", command.repId()));
        } else {
            reps.customer(command.customerId()).orElseThrow(() -> RejectedException.of(ErrorCode.CUSTOMER_NOT_FOUND,
                    "no customer with id " + command.customerId(), "customerId", command.customerId()));
        }
        if (amount != null && amount.compareTo(command.amount()) == 0) {
            return command.targetId();
        }
        apply(new SalesTargetSetEvent(command.targetId(), command.period().toString(), command.repId(), command.customerId(),
                command.amount(), amount, command.actor().userId()));
        return command.targetId();
    }

    @EventSourcingHandler
    void on(SalesTargetSetEvent event) {
        targetId = event.targetId();
        amount = event.amount();
    }
}
