package com.customerledger.command.reminder;

import com.customerledger.command.Actor;
import com.customerledger.events.reminder.ReminderCampaign;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set when reps are reminded of contacts' birthdays and farms' next purchases, and which solar-term campaigns run (ADMIN). */
public record SetReminderPolicyCommand(@TargetAggregateIdentifier String policyId, Integer birthdayDaysBefore,
                                       Integer nextPurchaseDaysBefore, List<ReminderCampaign> campaigns, Actor actor) {

    public static final String POLICY_ID = "policy:reminders";

    public static SetReminderPolicyCommand of(Integer birthdayDaysBefore, Integer nextPurchaseDaysBefore,
                                              List<ReminderCampaign> campaigns, Actor actor) {
        return new SetReminderPolicyCommand(POLICY_ID, birthdayDaysBefore, nextPurchaseDaysBefore, campaigns, actor);
    }
}
