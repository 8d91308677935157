package com.customerledger.events.order;

import org.axonframework.serialization.Revision;

/** The warehouse sent an approved order on its way, under {@code waybill} when there is one. */
@Revision("1")
public record OrderDispatchedEvent(String orderId, String customerId, String waybill, String note, String dispatchedBy) {
}
