package com.customerledger.events.target;

import com.customerledger.events.SalesPeriod;
import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A sales target was set (or changed) for {@code period} (its canonical text, such as {@code 2026-Q4}): for rep
 * {@code repId} or for customer {@code customerId} (a dealer), never both; {@code amount} yuan of deals, and the
 * amount it replaced ({@code null} the first time).
 */
@Revision("1")
public record SalesTargetSetEvent(String targetId, String period, String repId, String customerId, BigDecimal amount,
                                  BigDecimal previousAmount, String setBy) {

    /** One target per period and subject: its id says whose and when. */
    public static String idOf(SalesPeriod period, String repId, String customerId) {
        return "target:" + period + ":" + (repId != null ? "rep:" + repId : "customer:" + customerId);
    }
}
