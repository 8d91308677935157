package com.customerledger.command.target;

import com.customerledger.command.Actor;
import com.customerledger.events.SalesPeriod;
import com.customerledger.events.target.SalesTargetSetEvent;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set the sales target of a rep or of a customer (a dealer) for a period (MANAGER or ADMIN). Setting the same
 * amount again appends nothing.
 */
public record SetSalesTargetCommand(@TargetAggregateIdentifier String targetId, SalesPeriod period, String repId,
                                    String customerId, BigDecimal amount, Actor actor) {

    /** One target per period and subject (see {@link SalesTargetSetEvent#idOf}). */
    public static String idOf(SalesPeriod period, String repId, String customerId) {
        return SalesTargetSetEvent.idOf(period, repId, customerId);
    }
}
