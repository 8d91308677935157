package com.customerledger.command.credit;

import com.customerledger.command.Actor;
import com.customerledger.events.Decision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve or reject a credit-limit request (FINANCE or ADMIN, never the one who asked). */
public record DecideCreditLimitRequestCommand(
        @TargetAggregateIdentifier CreditRequestId requestId,
        Decision decision,
        String note,
        Actor actor) {
}
