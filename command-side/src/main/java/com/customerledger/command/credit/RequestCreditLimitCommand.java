package com.customerledger.command.credit;

import com.customerledger.command.Actor;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask finance to set a customer's credit limit and payment term (the owning rep, a manager or an admin). Repeating
 * the command with the same id and data returns the first result and appends nothing.
 */
public record RequestCreditLimitCommand(
        @TargetAggregateIdentifier CreditRequestId requestId,
        String customerId,
        BigDecimal limit,
        int paymentTermDays,
        String reason,
        Actor actor) {
}
