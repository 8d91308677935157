package com.customerledger.events;

import org.axonframework.serialization.Revision;

/** A rep went on leave, came back, or departed; {@code reason} is the free text given by {@code changedBy}. */
@Revision("1")
public record RepStatusChangedEvent(String repId, RepStatus from, RepStatus to, String reason, String changedBy) {
}
