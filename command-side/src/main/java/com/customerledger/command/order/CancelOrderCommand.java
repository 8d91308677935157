package com.customerledger.command.order;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel an order before it is dispatched (whoever may place it), releasing any credit it holds. */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, String note, Actor actor) {
}
