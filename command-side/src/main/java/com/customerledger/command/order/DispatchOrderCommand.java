package com.customerledger.command.order;

import com.customerledger.command.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Send an approved order on its way (WAREHOUSE or ADMIN). */
public record DispatchOrderCommand(@TargetAggregateIdentifier OrderId orderId, String waybill, String note, Actor actor) {
}
