package com.customerledger.command.rebate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.payment.PaymentMethod;
import com.customerledger.events.payment.PaymentRecordedEvent;
import com.customerledger.events.rebate.RebateSettledEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One customer's rebate of one program for one period, settled once. A settled amount is credited to the
 * customer's account as a payment of method REBATE (its id is the settlement's), so the credit check and the
 * account read it like any payment.
 */
@Aggregate
public class RebateSettlement {

    @AggregateIdentifier
    private String settlementId;
    private RebateSettledEvent settled;

    protected RebateSettlement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public RebateSettledEvent handle(SettleRebateCommand command, Clock clock, ZoneId zone) {
        if (!command.actor().roles().contains(Role.FINANCE) && !command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only finance and admins settle rebates");
        }
        if (settled != null) {
            throw RejectedException.of(ErrorCode.ALREADY_SETTLED, "the rebate of program " + settled.programId() + " for "
                    + settled.period() + " was settled by " + settled.settledBy() + ": " + settled.amount() + " yuan",
                    "settlementId", settled.settlementId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant endsAt = command.period().to(zone);
        if (now.isBefore(endsAt)) {
            throw RejectedException.of(ErrorCode.PERIOD_NOT_ENDED, "period " + command.period() + " ends at "
                    + endsAt + "; its rebate is settled after that", "endsAt", endsAt.toString());
        }
        RebateSettledEvent event = new RebateSettledEvent(command.settlementId(), command.customerId(),
                command.accrual().programId(), command.period().toString(), command.policyVersion(),
                command.accrual().basisValue(), command.accrual().percent(), command.accrual().amount(),
                command.accrual().explanation(), command.actor().userId());
        apply(event);
        if (event.amount().signum() > 0) {
            apply(new PaymentRecordedEvent(command.settlementId(), command.customerId(), event.amount(), now,
                    PaymentMethod.REBATE, null, command.actor().userId()));
        }
        return event;
    }

    @EventSourcingHandler
    void on(RebateSettledEvent event) {
        settlementId = event.settlementId();
        settled = event;
    }
}
