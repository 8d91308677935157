package com.customerledger.events.sample;

import org.axonframework.serialization.Revision;

/** The warehouse (user {@code dispatchedBy}) sent the sample, with an optional note (carrier, tracking number). */
@Revision("1")
public record SampleDispatchedEvent(String sampleId, String customerId, String repId, String productLine, String note,
                                    String dispatchedBy) {
}
