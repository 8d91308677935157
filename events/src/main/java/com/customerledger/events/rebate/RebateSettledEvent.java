package com.customerledger.events.rebate;

import com.customerledger.events.SalesPeriod;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * Finance settled program {@code programId} of policy version {@code policyVersion} for customer {@code customerId}
 * and {@code period} (its text, such as {@code 2026-Q4}), once: {@code amount} yuan, as {@code explanation} says
 * (basis reached, tier, rate). The amount is credited to the customer's account by a payment of method REBATE
 * recorded with it.
 */
@Revision("1")
public record RebateSettledEvent(String settlementId, String customerId, String programId, String period,
                                 int policyVersion, BigDecimal basisValue, BigDecimal percent, BigDecimal amount,
                                 String explanation, String settledBy) {

    /** One settlement per customer, program and period: its id, also that of the payment crediting it. */
    public static String idOf(String customerId, String programId, SalesPeriod period) {
        return "rebate:" + customerId + ":" + programId + ":" + period;
    }
}
