package com.customerledger.command.ticket;

import com.customerledger.events.ticket.ServiceDeadline;
import com.customerledger.events.ticket.TicketOpenedEvent;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import com.customerledger.events.ticket.TicketRespondedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * A ticket's service deadlines as a process, one per ticket from its opening on. The first response and the
 * resolution due times of the ticket are persisted deadlines; the first response cancels the first, a resolution
 * the second, and a reopening sets a new resolution deadline (its round is the reopening's number). When one comes
 * due the ticket is asked to escalate.
 *
 * <p>A deadline that fires is acted on only if it is still the pending one: one cancelled too late, or fired again
 * after a restart, does nothing; and the ticket itself escalates each deadline at most once, and only while unmet.
 */
@Saga
@ProcessingGroup(TicketSlaProcess.PROCESSING_GROUP)
public class TicketSlaProcess {

    public static final String PROCESSING_GROUP = "ticket-sla";
    public static final String FIRST_RESPONSE = "ticket-first-response";
    public static final String RESOLUTION = "ticket-resolution";
    private static final String TICKET_ID = "ticketId";

    private String ticketId;
    private SlaDeadline firstResponse;
    private String firstResponseScheduleId;
    private SlaDeadline resolution;
    private String resolutionScheduleId;

    @StartSaga
    @SagaEventHandler(associationProperty = TICKET_ID)
    void on(TicketOpenedEvent event, DeadlineManager deadlines) {
        ticketId = event.ticketId();
        if (event.firstResponseDueAt() != null) {
            firstResponse = new SlaDeadline(ServiceDeadline.FIRST_RESPONSE, event.firstResponseDueAt(), 0);
            firstResponseScheduleId = deadlines.schedule(firstResponse.dueAt(), FIRST_RESPONSE, firstResponse);
        }
        if (event.resolutionDueAt() != null) {
            scheduleResolution(deadlines, new SlaDeadline(ServiceDeadline.RESOLUTION, event.resolutionDueAt(), 0));
        }
    }

    @SagaEventHandler(associationProperty = TICKET_ID)
    void on(TicketRespondedEvent event, DeadlineManager deadlines) {
        if (event.first() && firstResponseScheduleId != null) {
            deadlines.cancelSchedule(FIRST_RESPONSE, firstResponseScheduleId);
            firstResponse = null;
            firstResponseScheduleId = null;
        }
    }

    @SagaEventHandler(associationProperty = TICKET_ID)
    void on(TicketResolvedEvent event, DeadlineManager deadlines) {
        cancelResolution(deadlines);
    }

    @SagaEventHandler(associationProperty = TICKET_ID)
    void on(TicketReopenedEvent event, DeadlineManager deadlines) {
        cancelResolution(deadlines);
        if (event.resolutionDueAt() != null) {
            scheduleResolution(deadlines, new SlaDeadline(ServiceDeadline.RESOLUTION, event.resolutionDueAt(),
                    event.reopening()));
        }
    }

    private void scheduleResolution(DeadlineManager deadlines, SlaDeadline deadline) {
        resolution = deadline;
        resolutionScheduleId = deadlines.schedule(deadline.dueAt(), RESOLUTION, deadline);
    }

    private void cancelResolution(DeadlineManager deadlines) {
        if (resolutionScheduleId != null) {
            deadlines.cancelSchedule(RESOLUTION, resolutionScheduleId);
        }
        resolution = null;
        resolutionScheduleId = null;
    }

    @DeadlineHandler(deadlineName = FIRST_RESPONSE)
    void firstResponseDue(SlaDeadline deadline, CommandGateway commands) {
        if (deadline.equals(firstResponse)) {
            firstResponse = null;
            firstResponseScheduleId = null;
            escalate(deadline, commands);
        }
    }

    @DeadlineHandler(deadlineName = RESOLUTION)
    void resolutionDue(SlaDeadline deadline, CommandGateway commands) {
        if (deadline.equals(resolution)) {
            resolution = null;
            resolutionScheduleId = null;
            escalate(deadline, commands);
        }
    }

    private void escalate(SlaDeadline deadline, CommandGateway commands) {
        commands.sendAndWait(new EscalateTicketCommand(new TicketId(ticketId), deadline.deadline(), deadline.dueAt(),
                deadline.round()));
    }
}
