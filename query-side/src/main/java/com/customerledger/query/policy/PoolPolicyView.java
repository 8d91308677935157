package com.customerledger.query.policy;

import java.time.Instant;

/** The public-pool policy in force; version 0 means none was set and customers never return to the pool by themselves. */
public record PoolPolicyView(int version, int daysWithoutVisit, int daysWithoutDeal, int reminderDaysBefore, String setBy,
                             Instant setAt) {
}
