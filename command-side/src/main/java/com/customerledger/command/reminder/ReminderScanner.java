package com.customerledger.command.reminder;

import com.customerledger.command.PollingWorker;
import com.customerledger.command.Role;
import com.customerledger.command.credit.CreditLedger;
import com.customerledger.command.inbox.OpenInboxItemCommand;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.calendar.SolarTerm;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import com.customerledger.events.order.NextPurchase;
import com.customerledger.events.reminder.ReminderCampaign;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminders by rule. Every {@code ledger.reminders.scan-interval} it looks at today (in {@code ledger.zone}) and
 * puts a notice in the owner's inbox for each occasion that has come near: a contact's birthday within the policy's
 * {@code birthdayDaysBefore} days, a campaign's solar term within its {@code daysBefore} days for each owned customer
 * it matches, a farm's last delivery running out within the policy's {@code nextPurchaseDaysBefore} days (one notice
 * per last delivery), a follow-up a visit planned that is due, a delivered order unpaid past its due time (to the owner and
 * FINANCE). Each occasion has an id of its own (the customer, the contact or campaign, the day), which the inbox
 * item takes: however often it is seen, across restarts, and by several instances, it makes one notice. The scan
 * reads the command side's tables only; a replay of the read models sends nothing.
 */
@Component
public class ReminderScanner extends PollingWorker {

    private final ReminderBook book;
    private final CreditLedger credit;
    private final RepBook reps;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public ReminderScanner(ReminderBook book, CreditLedger credit, RepBook reps, CommandGateway commands, JdbcTemplate jdbc,
                           Clock clock, @Value("${ledger.zone}") ZoneId zone,
                           @Value("${ledger.reminders.scan-interval}") Duration interval) {
        super("reminder-scanner", "the reminder scan", interval);
        this.book = book;
        this.credit = credit;
        this.reps = reps;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    protected boolean runOnce() {
        scan(this::running);
        return false; // the next round comes after the interval
    }

    /** One scan; answers how many notices it put in inboxes. */
    public int scan() {
        return scan(() -> true);
    }

    /** A scan that stops between notices once {@code goOn} says so (the worker is stopping). */
    private int scan(java.util.function.BooleanSupplier goOn) {
        Instant now = clock.instant();
        List<OpenInboxItemCommand> notices = new ArrayList<>();
        book.policy().ifPresent(policy -> occasions(policy, now, LocalDate.ofInstant(now, zone), notices));
        for (ReminderBook.FollowUp followUp : book.followUpsDue(now)) {
            notices.add(new OpenInboxItemCommand("follow-up:" + followUp.customerId() + ":" + followUp.visitId(),
                    InboxRecipient.rep(followUp.ownerRepId()), InboxItemKind.FOLLOW_UP_DUE, followUp.customerId(),
                    followUp.visitId(), "回访到期 / Follow-up due", "the follow-up planned at visit " + followUp.visitId()
                    + " was due " + followUp.dueAt(), followUp.dueAt()));
        }
        for (CreditLedger.Overdue overdue : credit.overdue(now)) {
            String detail = "order " + overdue.orderId() + ": " + overdue.openAmount().toPlainString()
                    + " yuan unpaid since " + overdue.dueAt();
            notices.add(new OpenInboxItemCommand("overdue:" + overdue.orderId() + ":finance",
                    InboxRecipient.role(Role.FINANCE.name()), InboxItemKind.OVERDUE_CREDIT, overdue.customerId(),
                    overdue.orderId(), "货款逾期 / Payment overdue", detail, overdue.dueAt()));
            reps.customer(overdue.customerId()).map(RepBook.CustomerStanding::ownerRepId).ifPresent(owner ->
                    notices.add(new OpenInboxItemCommand("overdue:" + overdue.orderId() + ":owner", InboxRecipient.rep(owner),
                            InboxItemKind.OVERDUE_CREDIT, overdue.customerId(), overdue.orderId(),
                            "货款逾期 / Payment overdue", detail, overdue.dueAt())));
        }
        int sent = 0;
        for (OpenInboxItemCommand notice : notices) {
            if (!goOn.getAsBoolean()) {
                break;
            }
            if (jdbc.queryForObject("SELECT COUNT(*) FROM reminder_sent WHERE occasion_id = ?", Integer.class,
                    notice.inboxItemId()) > 0) {
                continue;
            }
            commands.sendAndWait(notice);
            jdbc.update("INSERT INTO reminder_sent (occasion_id, sent_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    notice.inboxItemId(), clock.millis());
            sent++;
        }
        return sent;
    }

    /** A farm whose last delivery runs out within {@code daysBefore} days: one notice per last delivery. */
    private void nextPurchase(ReminderBook.Customer customer, Instant now, int daysBefore,
                              List<OpenInboxItemCommand> notices) {
        List<NextPurchase.Delivered> deliveries = book.deliveries(customer.customerId());
        if (deliveries.isEmpty()) {
            return;
        }
        NextPurchase next = NextPurchase.ofDeliveries(customer.customerId(), deliveries, customer.scale(), customer.species());
        if (next.expectedAt() == null || next.expectedAt().minus(Duration.ofDays(daysBefore)).isAfter(now)) {
            return;
        }
        Instant lastDelivery = deliveries.stream().map(NextPurchase.Delivered::deliveredAt).max(Instant::compareTo).orElseThrow();
        notices.add(new OpenInboxItemCommand("next-purchase:" + customer.customerId() + ":" + lastDelivery.toEpochMilli(),
                InboxRecipient.rep(customer.ownerRepId()), InboxItemKind.NEXT_PURCHASE, customer.customerId(), null,
                "预计补货 / Next purchase due", customer.name() + ": its last delivery runs out about " + next.expectedAt()
                + " (" + next.basis() + ", confidence " + next.confidence() + ")", next.expectedAt()));
    }

    private void occasions(ReminderBook.Policy policy, Instant now, LocalDate today, List<OpenInboxItemCommand> notices) {
        Map<ReminderCampaign, LocalDate> campaigns = new LinkedHashMap<>();
        for (ReminderCampaign campaign : policy.campaigns()) {
            Occasions.solarTerm(SolarTerm.parse(campaign.solarTerm()), today, campaign.daysBefore())
                    .ifPresent(day -> campaigns.put(campaign, day));
        }
        if (policy.birthdayDaysBefore() == null && policy.nextPurchaseDaysBefore() == null && campaigns.isEmpty()) {
            return;
        }
        book.forEachCustomer(customer -> {
            if (customer.ownerRepId() == null) {
                return; // a customer in the pool has nobody to remind; it is the pool's to work
            }
            if (policy.birthdayDaysBefore() != null) {
                for (ReminderBook.Birthday birthday : customer.birthdays()) {
                    Occasions.birthday(birthday.birthday(), birthday.lunar(), today, policy.birthdayDaysBefore())
                            .ifPresent(day -> notices.add(new OpenInboxItemCommand("birthday:" + customer.customerId() + ":"
                                    + birthday.contact() + ":" + day, InboxRecipient.rep(customer.ownerRepId()),
                                    InboxItemKind.BIRTHDAY, customer.customerId(), null, "客户生日 / Birthday",
                                    birthday.name() + " of " + customer.name() + ": birthday on " + day
                                            + (birthday.lunar() ? " (lunar " + birthday.birthday() + ")" : ""),
                                    day.atStartOfDay(zone).toInstant())));
                }
            }
            if (policy.nextPurchaseDaysBefore() != null) {
                nextPurchase(customer, now, policy.nextPurchaseDaysBefore(), notices);
            }
            campaigns.forEach((campaign, day) -> {
                if (campaign.match().matches(customer.region(), customer.crops(), customer.species())) {
                    notices.add(new OpenInboxItemCommand("campaign:" + campaign.campaignId() + ":" + day + ":"
                            + customer.customerId(), InboxRecipient.rep(customer.ownerRepId()), InboxItemKind.CAMPAIGN,
                            customer.customerId(), campaign.campaignId(), campaign.solarTerm() + " 农事提醒 / Campaign",
                            customer.name() + ": " + campaign.solarTerm() + " on " + day
                                    + (campaign.articleId() == null ? "" : "; see article " + campaign.articleId()),
                            day.atStartOfDay(zone).toInstant()));
                }
            });
        });
    }
}
