package com.customerledger.command.workflow;

import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.inbox.OpenInboxItemCommand;
import com.customerledger.command.inbox.SettleInboxItemCommand;
import com.customerledger.command.opportunity.AdvanceOpportunityCommand;
import com.customerledger.command.opportunity.CustomerOpportunities;
import com.customerledger.command.opportunity.OpportunityId;
import com.customerledger.command.sample.RequestSampleCommand;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.OpportunityStage;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.VisitIntent;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import com.customerledger.events.sample.SampleDispatchedEvent;
import com.customerledger.events.sample.SampleRequestedEvent;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The work a visit starts, and the notices of the pool rule. It runs inside the transaction of the command whose
 * events it handles (a subscribing processor, never replayed), so the follow-on commands are stored with their cause
 * or not at all, and each is idempotent by an id derived from its cause:
 * <ul>
 * <li>a HIGH-intent visit: a review task for the rep's manager, or for every MANAGER user when the rep has none;</li>
 * <li>a visit with a sample request: the sample is requested (an unknown product refuses the visit) and the
 * warehouse gets a dispatch task;</li>
 * <li>a sample sent: the rep is told, the warehouse's task is done, and the customer's open opportunity in the
 * sample's product line (or its only open one) that has not got that far moves to SAMPLE_SENT;</li>
 * <li>a pool reminder: the owner gets a warning with the release time.</li>
 * </ul>
 */
@Component
@ProcessingGroup(VisitWorkflows.PROCESSING_GROUP)
public class VisitWorkflows {

    public static final String PROCESSING_GROUP = "workflows";
    private static final String LEDGER = "ledger";

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final CustomerOpportunities opportunities;

    public VisitWorkflows(CommandGateway commands, EventStore eventStore, CustomerOpportunities opportunities) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.opportunities = opportunities;
    }

    @EventHandler
    void on(VisitRecordedEvent visit) {
        if (visit.intent() == VisitIntent.HIGH) {
            String manager = managerOf(visit.repId());
            commands.sendAndWait(new OpenInboxItemCommand("review:" + visit.customerId() + ":" + visit.visitId(),
                    manager != null ? InboxRecipient.rep(manager) : InboxRecipient.role(Role.MANAGER.name()),
                    InboxItemKind.REVIEW, visit.customerId(), visit.visitId(),
                    "高意向拜访待复核 / High-intent visit to review",
                    "rep " + visit.repId() + " judged a purchase likely: " + visit.notes(), null));
        }
        if (visit.sampleRequest() != null) {
            commands.sendAndWait(new RequestSampleCommand(sampleIdOf(visit), visit.customerId(), visit.visitId(),
                    visit.repId(), visit.sampleRequest().productId(), visit.sampleRequest().quantity(), visit.recordedBy()));
        }
    }

    /** A visit's sample: one per visit, named by the customer and the visit (a visit id is unique per customer). */
    public static String sampleIdOf(VisitRecordedEvent visit) {
        return visit.customerId() + ":" + visit.visitId();
    }

    private static String dispatchTaskOf(String sampleId) {
        return "sample:" + sampleId + ":dispatch";
    }

    @EventHandler
    void on(SampleRequestedEvent sample) {
        commands.sendAndWait(new OpenInboxItemCommand(dispatchTaskOf(sample.sampleId()),
                InboxRecipient.role(Role.WAREHOUSE.name()), InboxItemKind.SAMPLE_TASK, sample.customerId(), sample.sampleId(),
                "寄送样品 / Send a sample", sample.quantity().stripTrailingZeros().toPlainString() + " of " + sample.productId()
                        + " for customer " + sample.customerId() + " (rep " + sample.repId() + ")", null));
    }

    @EventHandler
    void on(SampleDispatchedEvent sample) {
        commands.sendAndWait(new SettleInboxItemCommand(dispatchTaskOf(sample.sampleId()), sample.dispatchedBy()));
        commands.sendAndWait(new OpenInboxItemCommand("sample:" + sample.sampleId() + ":sent", InboxRecipient.rep(sample.repId()),
                InboxItemKind.SAMPLE_SENT, sample.customerId(), sample.sampleId(), "样品已寄出 / Sample sent",
                sample.note() == null ? "the warehouse sent the sample" : sample.note(), null));
        List<CustomerOpportunities.Open> open = opportunities.open(sample.customerId()).stream()
                .filter(opportunity -> opportunity.stage().ordinal() < OpportunityStage.SAMPLE_SENT.ordinal()).toList();
        List<CustomerOpportunities.Open> ofLine = open.stream()
                .filter(opportunity -> opportunity.productLine().equals(sample.productLine())).toList();
        List<CustomerOpportunities.Open> moving = !ofLine.isEmpty() ? ofLine : open.size() == 1 ? open : List.of();
        // the ledger moves it on the warehouse's word, whoever owns the customer
        Actor ledger = new Actor(sample.dispatchedBy(), null, Set.of(Role.MANAGER));
        for (CustomerOpportunities.Open opportunity : moving) {
            commands.sendAndWait(new AdvanceOpportunityCommand(new OpportunityId(opportunity.opportunityId()),
                    OpportunityStage.SAMPLE_SENT, "sample " + sample.sampleId() + " sent", null, ledger));
        }
    }

    @EventHandler
    void on(CustomerPoolReminderIssuedEvent reminder) {
        commands.sendAndWait(new OpenInboxItemCommand("pool:" + reminder.customerId() + ":" + reminder.releaseAt().toEpochMilli(),
                InboxRecipient.rep(reminder.ownerRepId()), InboxItemKind.POOL_WARNING, reminder.customerId(), null,
                "客户即将退回公海 / Customer goes back to the pool",
                "record a visit or a deal before " + reminder.releaseAt() + " to keep it", reminder.releaseAt()));
    }

    /** The manager a rep was registered with; null without one, or for an unknown rep. */
    private String managerOf(String repId) {
        return eventStore.readEvents("rep:" + repId).asStream().map(event -> event.getPayload())
                .filter(RepRegisteredEvent.class::isInstance).map(RepRegisteredEvent.class::cast).findFirst()
                .map(RepRegisteredEvent::managerRepId).orElse(null);
    }
}
