package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;
import static com.customerledger.api.web.Requests.MAX_LIST;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.rep.ChangeRepStatusCommand;
import com.customerledger.command.rep.ChangeRepTerritoryCommand;
import com.customerledger.command.rep.RegisterRepCommand;
import com.customerledger.command.rep.RepId;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.RepStatus;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.FindPortfolioQuery;
import com.customerledger.query.customer.PortfolioView;
import com.customerledger.query.ownership.BookAsOfView;
import com.customerledger.query.ownership.FindBookAsOfQuery;
import com.customerledger.query.rep.FindRepQuery;
import com.customerledger.query.rep.ListRepsQuery;
import com.customerledger.query.rep.RepPage;
import com.customerledger.query.rep.RepView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sales reps: registration, territory, status, and their portfolios. */
@RestController
@RequestMapping("/api/reps")
class RepController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final Clock clock;

    RepController(Commands commands, Reads reads, CurrentActor currentActor, Clock clock) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    private void requireOwnBookOrOversight(String repId) {
        Actor actor = currentActor.get();
        if (!actor.actsForCompany() && !actor.roles().contains(Role.AUDITOR) && !actor.isRep(repId)) {
            throw new ForbiddenException("a rep sees only their own portfolio");
        }
    }

    /** {@code ?due=overdue}: only owned customers whose planned follow-up has passed. */
    enum FollowUpDue {
        overdue
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"repId\": \"rep-zhang-wei\", \"name\": \"张伟\", \"regions\": [{\"province\": \"山东省\", \"city\": \"潍坊市\"}], \"productLines\": [\"feed\"], \"customerTypes\": [\"FARM\", \"COOPERATIVE\"], \"capacity\": 200}")
    record RegisterRepRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String repId,
            @NotBlank @Size(max = 100) String name,
            @NotNull @Size(max = MAX_LIST) List<@NotNull @Valid RegionRequest> regions,
            @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> productLines,
            @Size(max = MAX_LIST) List<@NotNull CustomerType> customerTypes,
            @NotNull @Min(0) @Max(100_000) Integer capacity,
            @Pattern(regexp = ID, message = ID_MESSAGE) String managerRepId) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"regions\": [{\"province\": \"山东省\", \"city\": \"潍坊市\"}, {\"province\": \"山东省\", \"city\": \"临沂市\", \"county\": \"兰陵县\"}], \"productLines\": [\"feed\", \"premix\"], \"customerTypes\": [\"FARM\"], \"capacity\": 250}")
    record TerritoryRequest(
            @NotNull @Size(max = MAX_LIST) List<@NotNull @Valid RegionRequest> regions,
            @NotNull @Size(max = MAX_LIST) List<@NotBlank @Size(max = 100) String> productLines,
            @NotNull @Size(max = MAX_LIST) List<@NotNull CustomerType> customerTypes,
            @NotNull @Min(0) @Max(100_000) Integer capacity) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"status\": \"ON_LEAVE\", \"reason\": \"产假\"}")
    record StatusRequest(@NotNull RepStatus status, @Size(max = 500) String reason) {
    }

    record RepWritten(String repId, long position) {
    }

    @Operation(tags = ApiTags.REPS, summary = "Register a sales rep",
            description = "ADMIN only. The rep's territory (regions, product lines, customer types) and capacity feed the assignment rules; `repId` may be chosen by the client, and repeating the same registration appends nothing.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RepWritten> register(@Valid @RequestBody RegisterRepRequest request) {
        Actor actor = currentActor.get();
        String repId = request.repId() != null ? request.repId() : "rep-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new RegisterRepCommand(new RepId(repId), request.name().trim(),
                Requests.regions(request.regions()), Requests.trimmed(request.productLines()), request.customerTypes(),
                request.capacity(), request.managerRepId(), actor), actor);
        return ResponseEntity.created(URI.create("/api/reps/" + repId)).body(new RepWritten(repId, accepted.position()));
    }

    @Operation(tags = ApiTags.REPS, summary = "Change a rep's territory and capacity",
            description = "MANAGER or ADMIN. Replaces the regions, product lines, customer types and capacity; customers already owned stay with the rep.")
    @PutMapping("/{repId}/territory")
    RepWritten changeTerritory(@PathVariable String repId, @Valid @RequestBody TerritoryRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new ChangeRepTerritoryCommand(new RepId(repId),
                Requests.regions(request.regions()), Requests.trimmed(request.productLines()), request.customerTypes(),
                request.capacity(), actor), actor);
        return new RepWritten(repId, accepted.position());
    }

    @Operation(tags = ApiTags.REPS, summary = "Put a rep on leave or back to active",
            description = "MANAGER or ADMIN. `ACTIVE` or `ON_LEAVE`; a rep on leave gets no new customers by rule. Departure has its own operation.")
    @PutMapping("/{repId}/status")
    RepWritten changeStatus(@PathVariable String repId, @Valid @RequestBody StatusRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(
                new ChangeRepStatusCommand(new RepId(repId), request.status(), Requests.text(request.reason()), actor), actor);
        return new RepWritten(repId, accepted.position());
    }

    @Operation(tags = ApiTags.REPS, summary = "List the reps",
            description = "Every rep with status (ACTIVE, ON_LEAVE, DEPARTED), territory, capacity and current load, by id.")
    @GetMapping
    RepPage list(@Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListRepsQuery(page.toRequest()),
                ResponseTypes.instanceOf(RepPage.class), minPosition);
    }

    @Operation(tags = ApiTags.REPS, summary = "Read a rep",
            description = "The rep with status, territory, capacity and current load (customers owned).")
    @GetMapping("/{repId}")
    RepView get(@PathVariable String repId, @RequestParam(required = false) @Min(0) Long minPosition) {
        Optional<RepView> rep = reads.query(new FindRepQuery(repId), ResponseTypes.optionalInstanceOf(RepView.class),
                minPosition);
        return rep.orElseThrow(() -> new NotFoundException("rep", repId));
    }

    /**
     * The rep's book at the effective instant {@code asOf} (and with {@code knownAt} as the ledger
     * knew it then), each customer with the ownership period in force; a page like the book of now.
     */
    @Operation(tags = ApiTags.REPS, summary = "A rep's book at an instant",
            description = "The customers the rep owned at the business instant `asOf`, as the ledger knew it at `knownAt` (default now), each with the ownership period in force. A page, like the book of now. The rep themself, MANAGER, AUDITOR, ADMIN.")
    @Hidden
    @GetMapping(value = "/{repId}/portfolio", params = "asOf")
    BookAsOfView portfolioAsOf(@PathVariable String repId, @RequestParam Instant asOf,
                               @RequestParam(required = false) Instant knownAt,
                               @Valid @ParameterObject PageParams page,
                               @RequestParam(required = false) @Min(0) Long minPosition) {
        requireOwnBookOrOversight(repId);
        get(repId, minPosition);
        return reads.query(new FindBookAsOfQuery(repId, asOf, knownAt, page.toRequest()),
                ResponseTypes.instanceOf(BookAsOfView.class), minPosition);
    }

    /** {@code knownAt} alone: the book of now as the ledger knew it at {@code knownAt}. */
    @Operation(tags = ApiTags.REPS, summary = "A rep's book of now, as known at an instant",
            description = "With `knownAt` alone: the customers the rep owns now as the ledger knew it at `knownAt` (a transfer recorded later does not count yet).")
    @Hidden
    @GetMapping(value = "/{repId}/portfolio", params = {"knownAt", "!asOf"})
    BookAsOfView portfolioKnownAt(@PathVariable String repId, @RequestParam Instant knownAt, @Valid @ParameterObject PageParams page,
                                  @RequestParam(required = false) @Min(0) Long minPosition) {
        return portfolioAsOf(repId, clock.instant(), knownAt, page, minPosition);
    }

    @Operation(tags = ApiTags.REPS, summary = "A rep's book of customers",
            description = "The customers the rep owns and, separately, those they collaborate on, with grade, type, region, last visit and next follow-up; filter by `type`, `region`, `grade`, or `due=overdue` for owned customers whose follow-up has passed. Add `asOf` (and `knownAt`) for the book at an instant. The rep themself, MANAGER, AUDITOR, ADMIN.")
    @Parameter(name = "asOf", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"),
            description = "Business (effective) time: the book the rep owned at this instant, each customer with the "
                    + "ownership period in force (then the answer's `owned` lists those periods, and no `collaborating`).")
    @Parameter(name = "knownAt", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"),
            description = "System time: the book as the ledger knew it at this instant (with or without `asOf`).")
    @ApiResponse(responseCode = "200", description = "The book, one page of owned customers (and of collaborations)",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {PortfolioView.class, BookAsOfView.class})))
    @GetMapping("/{repId}/portfolio")
    PortfolioView portfolio(@PathVariable String repId,
                            @RequestParam(required = false) CustomerType type,
                            @RequestParam(required = false) @Size(max = 160) String region,
                            @RequestParam(required = false) Grade grade,
                            @RequestParam(required = false) FollowUpDue due,
                            @Valid @ParameterObject PageParams page,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        requireOwnBookOrOversight(repId);
        get(repId, minPosition);
        return reads.query(new FindPortfolioQuery(repId, new CustomerFilter(null, type, region, null, null, grade),
                due == FollowUpDue.overdue ? clock.instant() : null, page.toRequest()),
                ResponseTypes.instanceOf(PortfolioView.class), minPosition);
    }

}
