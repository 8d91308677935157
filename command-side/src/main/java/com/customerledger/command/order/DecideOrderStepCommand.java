package com.customerledger.command.order;

import com.customerledger.command.Actor;
import com.customerledger.events.Decision;
import com.customerledger.events.order.OrderStep;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve or reject an order waiting at {@code step}: PRICE by a manager or admin, CREDIT by finance or an admin. */
public record DecideOrderStepCommand(@TargetAggregateIdentifier OrderId orderId, OrderStep step, Decision decision,
                                     String note, Actor actor) {
}
