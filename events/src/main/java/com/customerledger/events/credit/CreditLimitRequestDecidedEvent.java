package com.customerledger.events.credit;

import com.customerledger.events.Decision;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Finance ({@code decidedBy}, never the requester) decided a credit-limit request. Approved, the customer's limit
 * and payment term are {@code limit} and {@code paymentTermDays} from now on; rejected, nothing changes.
 */
@Revision("1")
public record CreditLimitRequestDecidedEvent(
        String requestId,
        String customerId,
        Decision decision,
        BigDecimal limit,
        int paymentTermDays,
        String note,
        String decidedBy) {
}
