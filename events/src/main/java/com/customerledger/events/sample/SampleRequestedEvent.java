package com.customerledger.events.sample;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * During visit {@code visitId} the customer asked for a sample of {@code productId}; the warehouse is to send it.
 * {@code repId} is the rep who made the visit and is told when it ships.
 */
@Revision("1")
public record SampleRequestedEvent(String sampleId, String customerId, String visitId, String repId, String productId,
                                   String productLine, BigDecimal quantity, String requestedBy) {
}
