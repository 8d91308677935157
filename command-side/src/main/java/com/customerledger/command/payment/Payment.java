package com.customerledger.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.credit.CreditLedger;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.payment.PaymentRecordedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** Money received from a customer, recorded once under its reference. */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private String id;
    private PaymentRecordedEvent recorded;

    protected Payment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(RecordPaymentCommand command, RepBook reps, CreditLedger credit, Clock clock) {
        if (!command.actor().roles().contains(Role.FINANCE) && !command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only finance or an admin records payments");
        }
        Instant receivedAt = command.receivedAt().truncatedTo(ChronoUnit.MILLIS);
        PaymentRecordedEvent event = new PaymentRecordedEvent(command.paymentId().value(), command.customerId(),
                command.amount(), receivedAt, command.method(), command.orderId(), command.actor().userId());
        if (recorded != null) {
            if (recorded.customerId().equals(event.customerId()) && recorded.amount().compareTo(event.amount()) == 0
                    && recorded.receivedAt().equals(event.receivedAt()) && recorded.method() == event.method()
                    && java.util.Objects.equals(recorded.orderId(), event.orderId())) {
                return recorded.paymentId();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "payment " + recorded.paymentId()
                    + " was already recorded with other data", "existingPaymentId", recorded.paymentId());
        }
        if (reps.customer(command.customerId()).isEmpty()) {
            throw RejectedException.of(ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId(),
                    "customerId", command.customerId());
        }
        if (receivedAt.isAfter(clock.instant())) {
            throw new RejectedException(ErrorCode.TIME_IN_FUTURE, "receivedAt " + receivedAt + " lies in the future");
        }
        if (command.orderId() != null && !credit.owes(command.customerId(), command.orderId())) {
            throw RejectedException.of(ErrorCode.ORDER_NOT_OWED, "order " + command.orderId() + " is not a delivered order of "
                    + "customer " + command.customerId() + " with an amount open", "orderId", command.orderId());
        }
        apply(event);
        return event.paymentId();
    }

    @EventSourcingHandler
    void on(PaymentRecordedEvent event) {
        id = new PaymentId(event.paymentId()).toString();
        recorded = event;
    }
}
