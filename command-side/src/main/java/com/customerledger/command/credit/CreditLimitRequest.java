package com.customerledger.command.credit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.credit.CreditLimitRequestDecidedEvent;
import com.customerledger.events.credit.CreditLimitRequestedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A request to change a customer's credit limit: asked by the owning rep or a manager, decided once by finance.
 * Four eyes: whoever asked can never decide, not even as an admin.
 */
@Aggregate
public class CreditLimitRequest {

    @AggregateIdentifier
    private String id;
    private CreditLimitRequestedEvent requested;
    private CreditLimitRequestDecidedEvent decided;

    protected CreditLimitRequest() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RequestCreditLimitCommand command, RepBook reps) {
        CreditLimitRequestedEvent event = new CreditLimitRequestedEvent(command.requestId().value(), command.customerId(),
                command.limit(), command.paymentTermDays(), command.reason(), command.actor().userId());
        if (requested != null) {
            if (requested.equals(event)) {
                return requested.requestId();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "credit request " + requested.requestId()
                    + " already exists with other data", "existingRequestId", requested.requestId());
        }
        RepBook.CustomerStanding customer = reps.customer(command.customerId()).orElseThrow(() -> new RejectedException(
                ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId()));
        Actor actor = command.actor();
        if (!actor.actsForCompany() && !actor.isRep(customer.ownerRepId())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED,
                    "only the customer's owner, a manager or an admin asks for a credit limit");
        }
        apply(event);
        return event.requestId();
    }

    @CommandHandler
    public void handle(DecideCreditLimitRequestCommand command) {
        Actor actor = command.actor();
        if (!actor.roles().contains(Role.FINANCE) && !actor.roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only finance or an admin decides credit limits");
        }
        if (actor.userId().equals(requested.requestedBy())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "a credit request is never decided by the one who asked");
        }
        if (decided != null) {
            if (decided.decision() == command.decision() && decided.decidedBy().equals(actor.userId())) {
                return;
            }
            throw RejectedException.of(ErrorCode.ALREADY_DECIDED, "credit request " + requested.requestId() + " was already "
                    + "decided: " + decided.decision() + " by " + decided.decidedBy(), "decision", decided.decision().name());
        }
        apply(new CreditLimitRequestDecidedEvent(requested.requestId(), requested.customerId(), command.decision(),
                requested.limit(), requested.paymentTermDays(), command.note(), actor.userId()));
    }

    @EventSourcingHandler
    void on(CreditLimitRequestedEvent event) {
        id = new CreditRequestId(event.requestId()).toString();
        requested = event;
    }

    @EventSourcingHandler
    void on(CreditLimitRequestDecidedEvent event) {
        decided = event;
    }
}
