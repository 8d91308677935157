package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * An admin set when neglected customers go back to the public pool: after {@code daysWithoutVisit}
 * days without activity or {@code daysWithoutDeal} days without a deal, whichever comes first, with a
 * reminder to the owner {@code reminderDaysBefore} days earlier.
 */
@Revision("1")
public record PoolPolicySetEvent(int version, int daysWithoutVisit, int daysWithoutDeal, int reminderDaysBefore,
                                 String setBy) {
}
