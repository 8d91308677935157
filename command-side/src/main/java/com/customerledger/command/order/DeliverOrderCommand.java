package com.customerledger.command.order;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirm a dispatched order reached the customer (WAREHOUSE, the owner, a manager or an admin). */
public record DeliverOrderCommand(@TargetAggregateIdentifier OrderId orderId, String note, Actor actor) {
}
