package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import java.time.Instant;

/** An opportunity entered {@code stage} at {@code at} (the event's timestamp). */
public record StageEntry(OpportunityStage stage, Instant at) {
}
