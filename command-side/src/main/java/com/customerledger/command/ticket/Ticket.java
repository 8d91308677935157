package com.customerledger.command.ticket;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.expert.Dispatch;
import com.customerledger.command.expert.ExpertDesk;
import com.customerledger.command.knowledge.ArticleIndex;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketAwaitingAssignmentEvent;
import com.customerledger.events.ticket.TicketClosedEvent;
import com.customerledger.events.ticket.TicketEscalatedEvent;
import com.customerledger.events.ticket.TicketOpenedEvent;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import com.customerledger.events.ticket.TicketRespondedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A service ticket through its life: OPEN (waiting for a manager when no expert could take it), ASSIGNED to an
 * expert, IN_PROGRESS from the expert's first response, RESOLVED by the expert, CLOSED by the customer's side with
 * its satisfaction; a resolved or closed ticket may be REOPENED, and an unresolved one reassigned by a manager.
 * A step out of that order is refused with the ticket's status. A missed deadline escalates once.
 */
@Aggregate
public class Ticket {

    /** Where a ticket stands. */
    public enum Status { OPEN, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED, REOPENED }

    private static final Set<Status> UNRESOLVED = EnumSet.of(Status.OPEN, Status.ASSIGNED, Status.IN_PROGRESS,
            Status.REOPENED);

    @AggregateIdentifier
    private String id;
    private TicketOpenedEvent opened;
    private String dispatchedTo;
    private Status status;
    private String expertId;
    private int assignments;
    private boolean responded;
    private int reopenings;
    private Instant resolutionDueAt;
    private final Set<String> escalated = new HashSet<>();

    protected Ticket() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public TicketOutcome handle(OpenTicketCommand command, RepBook reps, ExpertDesk experts, ServiceRules service,
                                Clock clock) {
        Actor actor = command.actor();
        RepBook.CustomerStanding customer = reps.customer(command.customerId()).orElseThrow(() -> RejectedException.of(
                ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId(), "customerId",
                command.customerId()));
        if (!customer.ordersFor(actor)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED,
                    "only the customer's owner, its editors, managers, admins and the dealer itself open its tickets");
        }
        if (opened != null) {
            if (sameTicket(opened, command)) {
                return outcome();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "ticket " + opened.ticketId()
                    + " already exists with other data", "existingTicketId", opened.ticketId());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ServiceRules.Settings policy = service.current().orElse(null);
        String ticketId = command.ticketId().value();
        apply(new TicketOpenedEvent(ticketId, command.customerId(), command.kind(), command.severity(),
                command.subject(), command.description(), command.crop(), command.species(), actor.userId(),
                policy == null ? null : policy.firstResponseDue(command.severity(), now),
                policy == null ? null : policy.resolutionDue(command.severity(), now),
                policy == null ? 0 : policy.version()));
        Dispatch.Decision decision = experts.dispatch(customer.region(), command.kind(), command.crop(), command.species());
        if (decision.assigned()) {
            apply(new TicketAssignedEvent(ticketId, command.customerId(), decision.expertId(), null, 1, true,
                    decision.reason(), opened.firstResponseDueAt(), actor.userId()));
        } else {
            apply(new TicketAwaitingAssignmentEvent(ticketId, command.customerId(), decision.reason()));
        }
        return outcome();
    }

    private TicketOutcome outcome() {
        return new TicketOutcome(opened.ticketId(), dispatchedTo, opened.firstResponseDueAt(), opened.resolutionDueAt());
    }

    private static boolean sameTicket(TicketOpenedEvent first, OpenTicketCommand again) {
        return first.customerId().equals(again.customerId()) && first.kind() == again.kind()
                && first.severity() == again.severity() && first.subject().equals(again.subject())
                && first.description().equals(again.description()) && Objects.equals(first.crop(), again.crop())
                && Objects.equals(first.species(), again.species());
    }

    @CommandHandler
    public void handle(RespondToTicketCommand command, Clock clock) {
        requireAssignedExpert(command.actor(), "answers");
        requireStatus(EnumSet.of(Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED), "answered");
        apply(new TicketRespondedEvent(opened.ticketId(), opened.customerId(), expertId, command.note(), !responded,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), command.actor().userId()));
    }

    @CommandHandler
    public void handle(ResolveTicketCommand command, ArticleIndex articles, Clock clock) {
        requireAssignedExpert(command.actor(), "resolves");
        requireStatus(EnumSet.of(Status.IN_PROGRESS), "resolved (the expert answers it first)");
        if (command.articleId() != null && !articles.exists(command.articleId())) {
            throw RejectedException.of(ErrorCode.ARTICLE_NOT_FOUND, "no knowledge-base article with id "
                    + command.articleId(), "articleId", command.articleId());
        }
        apply(new TicketResolvedEvent(opened.ticketId(), opened.customerId(), expertId, command.resolution(),
                command.articleId(), clock.instant().truncatedTo(ChronoUnit.MILLIS), command.actor().userId()));
    }

    @CommandHandler
    public void handle(CloseTicketCommand command, RepBook reps) {
        requireCustomerSide(command.actor(), reps, "closes");
        if (command.satisfaction() < 1 || command.satisfaction() > 5) {
            throw new RejectedException(ErrorCode.INVALID_INPUT, "satisfaction is 1 to 5");
        }
        requireStatus(EnumSet.of(Status.RESOLVED), "closed");
        apply(new TicketClosedEvent(opened.ticketId(), opened.customerId(), command.satisfaction(),
                command.actor().userId()));
    }

    @CommandHandler
    public void handle(ReopenTicketCommand command, RepBook reps, ServiceRules service, Clock clock) {
        requireCustomerSide(command.actor(), reps, "reopens");
        requireStatus(EnumSet.of(Status.RESOLVED, Status.CLOSED), "reopened");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant due = service.current().map(policy -> policy.resolutionDue(opened.severity(), now)).orElse(null);
        apply(new TicketReopenedEvent(opened.ticketId(), opened.customerId(), expertId, command.reason(), due,
                reopenings + 1, command.actor().userId()));
    }

    @CommandHandler
    public void handle(ReassignTicketCommand command, ExpertDesk experts) {
        Actor actor = command.actor();
        if (!actor.actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins reassign tickets");
        }
        if (!experts.exists(command.expertId())) {
            throw RejectedException.of(ErrorCode.EXPERT_NOT_FOUND, "no expert with id " + command.expertId(),
                    "expertId", command.expertId());
        }
        requireStatus(UNRESOLVED, "reassigned");
        if (command.expertId().equals(expertId)) {
            return; // it is that expert's already
        }
        apply(new TicketAssignedEvent(opened.ticketId(), opened.customerId(), command.expertId(), expertId,
                assignments + 1, false, "reassigned by " + actor.userId(),
                responded ? resolutionDueAt : opened.firstResponseDueAt(), actor.userId()));
    }

    @CommandHandler
    public boolean handle(EscalateTicketCommand command) {
        String key = command.deadline() + ":" + command.round();
        boolean unmet = switch (command.deadline()) {
            case FIRST_RESPONSE -> !responded && UNRESOLVED.contains(status);
            case RESOLUTION -> command.round() == reopenings && UNRESOLVED.contains(status);
        };
        if (!unmet || escalated.contains(key)) {
            return false;
        }
        apply(new TicketEscalatedEvent(opened.ticketId(), opened.customerId(), command.deadline(), command.dueAt(),
                expertId, command.round()));
        return true;
    }

    private void requireAssignedExpert(Actor actor, String doing) {
        if (expertId == null || !actor.roles().contains(Role.AGRONOMIST) || !expertId.equals(actor.userId())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the ticket's assigned expert " + doing + " it");
        }
    }

    private void requireCustomerSide(Actor actor, RepBook reps, String doing) {
        boolean side = reps.customer(opened.customerId()).map(customer -> customer.ordersFor(actor))
                .orElse(actor.actsForCompany());
        if (!side) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the customer's owner or editors, managers, admins "
                    + "and the dealer itself " + doing + " its tickets");
        }
    }

    private void requireStatus(Set<Status> allowed, String doing) {
        if (!allowed.contains(status)) {
            throw RejectedException.of(ErrorCode.TICKET_OUT_OF_ORDER, "ticket " + opened.ticketId() + " is " + status
                    + "; only a ticket " + allowed + " can be " + doing, "ticketStatus", status.name());
        }
    }

    @EventSourcingHandler
    void on(TicketOpenedEvent event) {
        id = new TicketId(event.ticketId()).toString();
        opened = event;
        status = Status.OPEN;
        resolutionDueAt = event.resolutionDueAt();
    }

    @EventSourcingHandler
    void on(TicketAssignedEvent event) {
        if (event.dispatched()) {
            dispatchedTo = event.expertId();
        }
        expertId = event.expertId();
        assignments = event.assignment();
        if (status == Status.OPEN) {
            status = Status.ASSIGNED;
        }
    }

    @EventSourcingHandler
    void on(TicketRespondedEvent event) {
        responded = true;
        status = Status.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(TicketResolvedEvent event) {
        status = Status.RESOLVED;
    }

    @EventSourcingHandler
    void on(TicketClosedEvent event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(TicketReopenedEvent event) {
        status = Status.REOPENED;
        reopenings = event.reopening();
        resolutionDueAt = event.resolutionDueAt();
    }

    @EventSourcingHandler
    void on(TicketEscalatedEvent event) {
        escalated.add(event.deadline() + ":" + event.round());
    }
}
