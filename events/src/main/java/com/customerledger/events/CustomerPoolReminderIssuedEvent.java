package com.customerledger.events;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The owner of a neglected customer was warned: unless they record activity, the customer returns
 * to the public pool at {@code releaseAt} under pool policy {@code policyVersion}.
 */
@Revision("1")
public record CustomerPoolReminderIssuedEvent(String customerId, String ownerRepId, Instant releaseAt, int policyVersion) {
}
