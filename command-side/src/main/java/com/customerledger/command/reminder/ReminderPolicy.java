package com.customerledger.command.reminder;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.calendar.SolarTerm;
import com.customerledger.events.reminder.ReminderCampaign;
import com.customerledger.events.reminder.ReminderPolicySetEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned reminder policy: birthdays and solar-term campaigns. */
@Aggregate
public class ReminderPolicy {

    /** The most days ahead a reminder may come. */
    public static final int MAX_DAYS_BEFORE = 60;

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected ReminderPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetReminderPolicyCommand command) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the reminder policy");
        }
        requireDays("birthdayDaysBefore", command.birthdayDaysBefore());
        requireDays("nextPurchaseDaysBefore", command.nextPurchaseDaysBefore());
        Set<String> ids = new HashSet<>();
        List<ReminderCampaign> campaigns = new ArrayList<>();
        for (ReminderCampaign campaign : command.campaigns()) {
            if (!ids.add(campaign.campaignId())) {
                throw new RejectedException(ErrorCode.INVALID_POLICY, "campaign " + campaign.campaignId() + " is listed twice");
            }
            requireDays("daysBefore of campaign " + campaign.campaignId(), campaign.daysBefore());
            SolarTerm term;
            try {
                term = SolarTerm.parse(campaign.solarTerm());
            } catch (IllegalArgumentException unknown) {
                throw new RejectedException(ErrorCode.INVALID_POLICY, unknown.getMessage());
            }
            // kept by its Chinese name, as the policy is written and read
            campaigns.add(new ReminderCampaign(campaign.campaignId(), term.chinese(), campaign.daysBefore(), campaign.match(),
                    campaign.articleId()));
        }
        apply(new ReminderPolicySetEvent(version + 1, command.birthdayDaysBefore(), command.nextPurchaseDaysBefore(), campaigns,
                command.actor().userId()));
        return version;
    }

    private static void requireDays(String what, Integer days) {
        if (days != null && (days < 0 || days > MAX_DAYS_BEFORE)) {
            throw new RejectedException(ErrorCode.INVALID_POLICY, what + " must be 0 to " + MAX_DAYS_BEFORE + " days");
        }
    }

    @EventSourcingHandler
    void on(ReminderPolicySetEvent event) {
        policyId = SetReminderPolicyCommand.POLICY_ID;
        version = event.version();
    }
}
