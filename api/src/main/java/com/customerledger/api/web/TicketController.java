package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.ticket.CloseTicketCommand;
import com.customerledger.command.ticket.OpenTicketCommand;
import com.customerledger.command.ticket.ReassignTicketCommand;
import com.customerledger.command.ticket.ReopenTicketCommand;
import com.customerledger.command.ticket.ResolveTicketCommand;
import com.customerledger.command.ticket.RespondToTicketCommand;
import com.customerledger.command.ticket.TicketId;
import com.customerledger.command.ticket.TicketOutcome;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketSeverity;
import com.customerledger.query.ticket.FindTicketQuery;
import com.customerledger.query.ticket.ListTicketsQuery;
import com.customerledger.query.ticket.TicketPage;
import com.customerledger.query.ticket.TicketView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service tickets: opened for a customer, dispatched to an expert, answered, resolved, closed, reopened, reassigned. */
@RestController
class TicketController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    TicketController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"ticketId\": \"t-2026-0815\", \"customerId\": \"c-lvyuan\", \"kind\": \"AGRONOMY\", \"severity\": \"HIGH\", \"subject\": \"大棚番茄叶片发黄\", \"description\": \"下部叶片叶脉间发黄，已三天\", \"crop\": \"番茄\"}")
    record TicketRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String ticketId,
                         @NotBlank @Size(max = 64) String customerId,
                         @NotNull TicketKind kind,
                         @NotNull TicketSeverity severity,
                         @NotBlank @Size(max = 200) String subject,
                         @NotBlank @Size(max = 5000) String description,
                         @Size(min = 1, max = 100) String crop,
                         @Size(min = 1, max = 100) String species) {
    }

    record TicketOpened(String ticketId, String assignedExpertId, Instant firstResponseDueAt, Instant resolutionDueAt,
                        long position) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"note\": \"先控水，明天上午到棚里看\"}")
    record ResponseRequest(@NotBlank @Size(max = 5000) String note) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"resolution\": \"缺镁，叶面喷施0.2%硫酸镁，一周两次\", \"articleId\": \"kb-tomato-mg\"}")
    record ResolveRequest(@NotBlank @Size(max = 5000) String resolution,
                          @Pattern(regexp = ID, message = ID_MESSAGE) String articleId) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"satisfaction\": 5}")
    record CloseRequest(@NotNull @Min(1) @Max(5) Integer satisfaction) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"reason\": \"喷了一周还在黄\"}")
    record ReopenRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"expertId\": \"agro-b\"}")
    record ReassignRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String expertId) {
    }

    record TicketWritten(String ticketId, long position) {
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Open a ticket",
            description = "The customer's owner or EDITOR rep, MANAGER, ADMIN, or the DEALER for itself. The ticket is "
                    + "dispatched at once to an expert whose regions cover the customer's region and who is below capacity: "
                    + "the one that knows the ticket's crop and species, then handles its kind, then is least loaded; with "
                    + "none it waits for a manager (`assignedExpertId` empty, the managers' inboxes list it). Its deadlines "
                    + "come from the service policy in force. The same `ticketId` with the same body answers the same and "
                    + "stores nothing; with another body 409 `id-already-used`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/tickets")
    ResponseEntity<TicketOpened> open(@Valid @RequestBody TicketRequest request) {
        Actor actor = currentActor.get();
        String id = request.ticketId() != null ? request.ticketId() : "t-" + UUID.randomUUID();
        Commands.Accepted<TicketOutcome> accepted = commands.send(new OpenTicketCommand(new TicketId(id),
                request.customerId().trim(), request.kind(), request.severity(), request.subject().trim(),
                request.description(), Requests.text(request.crop()), Requests.text(request.species()), actor), actor);
        TicketOutcome outcome = accepted.result();
        return ResponseEntity.created(URI.create("/api/tickets/" + id)).body(new TicketOpened(outcome.ticketId(),
                outcome.assignedExpertId(), outcome.firstResponseDueAt(), outcome.resolutionDueAt(), accepted.position()));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Answer a ticket",
            description = "The assigned expert (AGRONOMIST). The first answer meets the first-response deadline and puts "
                    + "the ticket IN_PROGRESS. A ticket resolved or closed: 409 `ticket-out-of-order` with `ticketStatus`.")
    @PostMapping("/api/tickets/{ticketId}/responses")
    TicketWritten respond(@PathVariable String ticketId, @Valid @RequestBody ResponseRequest request) {
        Actor actor = currentActor.get();
        return written(ticketId, commands.send(new RespondToTicketCommand(new TicketId(ticketId), request.note().trim(),
                actor), actor));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Resolve a ticket",
            description = "The assigned expert, once it has answered (IN_PROGRESS), citing a knowledge-base article where "
                    + "one applies (an unknown article: 404). Out of order: 409 `ticket-out-of-order`.")
    @PostMapping("/api/tickets/{ticketId}/resolve")
    TicketWritten resolve(@PathVariable String ticketId, @Valid @RequestBody ResolveRequest request) {
        Actor actor = currentActor.get();
        return written(ticketId, commands.send(new ResolveTicketCommand(new TicketId(ticketId), request.resolution().trim(),
                Requests.text(request.articleId()), actor), actor));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Close a resolved ticket",
            description = "The customer's side (owner or EDITOR rep, MANAGER, ADMIN, the DEALER itself) with its "
                    + "satisfaction, 1 to 5. Not resolved: 409 `ticket-out-of-order`.")
    @PostMapping("/api/tickets/{ticketId}/close")
    TicketWritten close(@PathVariable String ticketId, @Valid @RequestBody CloseRequest request) {
        Actor actor = currentActor.get();
        return written(ticketId, commands.send(new CloseTicketCommand(new TicketId(ticketId), request.satisfaction(),
                actor), actor));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Reopen a ticket",
            description = "The customer's side, for a RESOLVED or CLOSED ticket: it goes back to its expert (REOPENED) with a "
                    + "new resolution deadline from now. Otherwise 409 `ticket-out-of-order`.")
    @PostMapping("/api/tickets/{ticketId}/reopen")
    TicketWritten reopen(@PathVariable String ticketId, @Valid @RequestBody ReopenRequest request) {
        Actor actor = currentActor.get();
        return written(ticketId, commands.send(new ReopenTicketCommand(new TicketId(ticketId), request.reason().trim(),
                actor), actor));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Reassign a ticket",
            description = "MANAGER or ADMIN: an unresolved ticket (or one waiting for assignment) goes to another expert, "
                    + "whose inbox gets it. An unknown expert: 404; resolved or closed: 409 `ticket-out-of-order`.")
    @PostMapping("/api/tickets/{ticketId}/reassign")
    TicketWritten reassign(@PathVariable String ticketId, @Valid @RequestBody ReassignRequest request) {
        Actor actor = currentActor.get();
        return written(ticketId, commands.send(new ReassignTicketCommand(new TicketId(ticketId), request.expertId(),
                actor), actor));
    }

    @Operation(tags = ApiTags.SERVICE, summary = "Read a ticket",
            description = "Its whole timeline (who did what, when) and service state: both deadlines with when they were "
                    + "met, MET / MISSED / PENDING, whether they are overdue now, and the escalations. MANAGER, ADMIN and "
                    + "AUDITOR any ticket; a REP those of customers it may read; an AGRONOMIST those assigned to it; a "
                    + "DEALER its own.")
    @GetMapping("/api/tickets/{ticketId}")
    TicketView ticket(@PathVariable String ticketId, @RequestParam(required = false) @Min(0) Long minPosition) {
        TicketView ticket = reads.query(new FindTicketQuery(ticketId), ResponseTypes.optionalInstanceOf(TicketView.class),
                minPosition).orElseThrow(() -> new NotFoundException("ticket", ticketId));
        Actor actor = currentActor.get();
        if (actor.roles().contains(Role.DEALER)) {
            if (!actor.isDealerOf(ticket.customerId())) {
                throw new ForbiddenException("a dealer reads only its own tickets");
            }
        } else if (actor.roles().contains(Role.AGRONOMIST) && !seesAll(actor)) {
            if (!actor.userId().equals(ticket.assignedExpertId())) {
                throw new ForbiddenException("an expert reads the tickets assigned to it");
            }
        } else if (!seesAll(actor)) {
            access.visibleCustomer(ticket.customerId(), minPosition);
        }
        return ticket;
    }

    @Operation(tags = ApiTags.SERVICE, summary = "List tickets",
            description = "Newest first, by `status`, `expertId`, `customerId` and `overdue` (`true`: a deadline has passed "
                    + "unmet). MANAGER, ADMIN and AUDITOR see all; a REP the tickets of the customers it may see; an "
                    + "AGRONOMIST its own; a DEALER its own customer's.")
    @GetMapping("/api/tickets")
    TicketPage list(@Parameter(description = "Only tickets of this status: OPEN, ASSIGNED, IN_PROGRESS, RESOLVED, CLOSED or REOPENED.")
                    @RequestParam(required = false) @Pattern(regexp = "OPEN|ASSIGNED|IN_PROGRESS|RESOLVED|CLOSED|REOPENED")
                    String status,
                    @RequestParam(required = false) @Size(min = 1, max = 64) String expertId,
                    @Parameter(description = "Only the tickets of this customer.")
                    @RequestParam(required = false) @Size(min = 1, max = 64) String customerId,
                    @RequestParam(required = false) Boolean overdue,
                    @Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        Actor actor = currentActor.get();
        String expert = Requests.text(expertId);
        String customer = Requests.text(customerId);
        String visibleToRep = null;
        Set<String> customers = null;
        if (actor.roles().contains(Role.DEALER)) {
            if (customer != null && !actor.isDealerOf(customer)) {
                throw new ForbiddenException("a dealer lists only its own tickets");
            }
            customers = Set.of(actor.customerId());
        } else if (actor.roles().contains(Role.AGRONOMIST) && !seesAll(actor)) {
            if (expert != null && !expert.equals(actor.userId())) {
                throw new ForbiddenException("an expert lists only the tickets assigned to it");
            }
            expert = actor.userId();
        } else if (!seesAll(actor)) {
            if (customer != null) {
                access.visibleCustomer(customer, minPosition);
            } else {
                visibleToRep = actor.repId();
                if (visibleToRep == null) {
                    throw new ForbiddenException("tickets are listed for managers, admins, auditors, reps, experts and dealers");
                }
            }
        }
        return reads.query(new ListTicketsQuery(status, expert, customer, overdue, visibleToRep, customers,
                page.toRequest()), ResponseTypes.instanceOf(TicketPage.class), minPosition);
    }

    private static boolean seesAll(Actor actor) {
        return actor.actsForCompany() || actor.roles().contains(Role.AUDITOR);
    }

    private static TicketWritten written(String ticketId, Commands.Accepted<?> accepted) {
        return new TicketWritten(ticketId, accepted.position());
    }
}
