package com.customerledger.events.credit;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Someone asked that a customer's credit limit become {@code limit} yuan with {@code paymentTermDays} days to pay,
 * for {@code reason}. Nothing changes until finance decides; the requester can never decide it.
 */
@Revision("1")
public record CreditLimitRequestedEvent(
        String requestId,
        String customerId,
        BigDecimal limit,
        int paymentTermDays,
        String reason,
        String requestedBy) {
}
