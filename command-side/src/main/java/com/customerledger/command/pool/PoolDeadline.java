package com.customerledger.command.pool;

import java.time.Instant;

/**
 * The payload of a pool reminder or release deadline: for which owner and which state of activity
 * (the customer's activity count) it was set, from when the no-deal clock runs, and when the
 * customer is due back in the pool. A
 * deadline whose owner or activity count no longer matches is stale and does nothing.
 */
public record PoolDeadline(String ownerRepId, long activity, Instant activityAt, Instant dealClockFrom, Instant releaseAt,
                           int policyVersion) {
}
