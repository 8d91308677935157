package com.customerledger.events.reminder;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin set when the ledger reminds reps: contacts' birthdays {@code birthdayDaysBefore} days ahead (null: no
 * birthday notices), a farm's expected next purchase {@code nextPurchaseDaysBefore} days ahead (null: none), and
 * the solar-term {@code campaigns}. Version {@code version} of the reminder policy.
 */
@Revision("1")
public record ReminderPolicySetEvent(int version, Integer birthdayDaysBefore, Integer nextPurchaseDaysBefore,
                                     List<ReminderCampaign> campaigns, String setBy) {

    public ReminderPolicySetEvent {
        campaigns = List.copyOf(campaigns);
    }
}
