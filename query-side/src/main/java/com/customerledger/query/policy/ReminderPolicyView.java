package com.customerledger.query.policy;

import com.customerledger.events.reminder.ReminderCampaign;
import java.time.Instant;
import java.util.List;

/** The reminder policy in force; version 0 means none was set and the ledger reminds of no birthdays or campaigns. */
public record ReminderPolicyView(int version, Integer birthdayDaysBefore, Integer nextPurchaseDaysBefore,
                                 List<ReminderCampaign> campaigns, String setBy, Instant setAt) {
}
