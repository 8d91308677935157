package com.customerledger.command.ticket;

import com.customerledger.command.Role;
import com.customerledger.command.inbox.Inbox;
import com.customerledger.command.inbox.OpenInboxItemCommand;
import com.customerledger.command.inbox.SettleInboxItemCommand;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxRecipient;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketAwaitingAssignmentEvent;
import com.customerledger.events.ticket.TicketEscalatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * What a ticket puts in inboxes. It runs inside the transaction of the command whose events it handles (a
 * subscribing processor, never replayed), and each item's id names its occasion, so each occasion makes one item:
 * <ul>
 * <li>an assignment (dispatch or reassignment {@code n}): a TICKET task for the expert,
 * {@code ticket:<id>:assigned:<n>}; the previous expert's task is settled;</li>
 * <li>a ticket no expert could take: a TICKET task for every MANAGER, {@code ticket:<id>:unassigned}, settled by
 * the assignment;</li>
 * <li>an escalation: an ESCALATION notice for every MANAGER, {@code ticket:<id>:escalated:<deadline>:<round>}.</li>
 * </ul>
 */
@Component
@ProcessingGroup(TicketNotices.PROCESSING_GROUP)
public class TicketNotices {

    public static final String PROCESSING_GROUP = "ticket-notices";

    private final Inbox inbox;
    private final CommandGateway commands;

    public TicketNotices(Inbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    static String assignedItem(String ticketId, int assignment) {
        return "ticket:" + ticketId + ":assigned:" + assignment;
    }

    static String unassignedItem(String ticketId) {
        return "ticket:" + ticketId + ":unassigned";
    }

    static String escalatedItem(TicketEscalatedEvent event) {
        return "ticket:" + event.ticketId() + ":escalated:" + event.deadline() + ":" + event.round();
    }

    @EventHandler
    void on(TicketAssignedEvent event) {
        inbox.open(new OpenInboxItemCommand(assignedItem(event.ticketId(), event.assignment()),
                InboxRecipient.user(event.expertId()), InboxItemKind.TICKET, event.customerId(), event.ticketId(),
                "新工单 / New ticket", "ticket " + event.ticketId() + " for customer " + event.customerId() + ": "
                + event.reason(), event.dueAt())).join();
        if (event.assignment() > 1) {
            commands.sendAndWait(new SettleInboxItemCommand(assignedItem(event.ticketId(), event.assignment() - 1),
                    event.assignedBy()));
        } else if (!event.dispatched()) {
            commands.sendAndWait(new SettleInboxItemCommand(unassignedItem(event.ticketId()), event.assignedBy()));
        }
    }

    @EventHandler
    void on(TicketAwaitingAssignmentEvent event) {
        inbox.open(new OpenInboxItemCommand(unassignedItem(event.ticketId()), InboxRecipient.role(Role.MANAGER.name()),
                InboxItemKind.TICKET, event.customerId(), event.ticketId(), "工单待分派 / Ticket to assign",
                "ticket " + event.ticketId() + " for customer " + event.customerId() + " has no expert: "
                        + event.reason(), null)).join();
    }

    @EventHandler
    void on(TicketEscalatedEvent event) {
        String which = event.deadline().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        inbox.open(new OpenInboxItemCommand(escalatedItem(event), InboxRecipient.role(Role.MANAGER.name()),
                InboxItemKind.ESCALATION, event.customerId(), event.ticketId(), "工单超时 / Ticket overdue",
                "ticket " + event.ticketId() + " missed its " + which + " deadline of " + event.dueAt()
                        + (event.expertId() == null ? " with no expert" : " with expert " + event.expertId()),
                event.dueAt())).join();
    }
}
