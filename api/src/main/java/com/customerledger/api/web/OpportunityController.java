package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.opportunity.AdvanceOpportunityCommand;
import com.customerledger.command.opportunity.OpenOpportunityCommand;
import com.customerledger.command.opportunity.OpportunityId;
import com.customerledger.events.OpportunityStage;
import com.customerledger.events.SalesPeriod;
import com.customerledger.query.analytics.CustomersByRegion;
import com.customerledger.query.analytics.CustomersByRegionQuery;
import com.customerledger.query.analytics.Leaderboard;
import com.customerledger.query.analytics.LeaderboardQuery;
import com.customerledger.query.funnel.FindOpportunityQuery;
import com.customerledger.query.funnel.Forecast;
import com.customerledger.query.funnel.ForecastQuery;
import com.customerledger.query.funnel.FunnelQuery;
import com.customerledger.query.funnel.FunnelView;
import com.customerledger.query.funnel.OpportunityView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opportunities through the funnel, the funnel itself, and the sales dashboards. */
@RestController
class OpportunityController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;
    private final Clock clock;
    private final ZoneId zone;
    private final double[] defaultRates;
    private final int minClosed;

    OpportunityController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access, Clock clock,
                          ZoneId zone, @Value("${ledger.forecast.default-rates:0.1,0.2,0.35,0.5}") double[] defaultRates,
                          @Value("${ledger.forecast.min-closed:5}") int minClosed) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
        this.defaultRates = defaultRates.clone();
        this.minClosed = minClosed;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"opportunityId\": \"opp-lvyuan-feed\", \"customerId\": \"c-lvyuan\", \"productLine\": \"feed\", \"expectedValue\": \"200000.00\"}")
    record OpenRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String opportunityId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
            @NotBlank @Size(max = 100) String productLine,
            @Positive @Digits(integer = 12, fraction = 2) BigDecimal expectedValue) {
    }

    /** The stage endpoint moves through the funnel; winning and losing have their own endpoints. */
    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"stage\": \"SAMPLE_SENT\", \"note\": \"寄出两袋教槽料试用装\"}")
    record StageRequest(@NotNull OpportunityStage stage, @Size(max = 1000) String note) {

        @AssertTrue(message = "must be VISITED, SAMPLE_SENT or QUOTED; use /won or /lost to close")
        boolean isFunnelStage() {
            return stage == null || stage == OpportunityStage.VISITED || stage == OpportunityStage.SAMPLE_SENT
                    || stage == OpportunityStage.QUOTED;
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"amount\": \"185000.00\"}")
    record WonRequest(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"reason\": \"价格太高\"}")
    record LostRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record OpportunityWritten(String opportunityId, long position) {
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Open an opportunity",
            description = "A sales pursuit for a customer and product line, starting at LEAD. The owner, an EDITOR collaborator, MANAGER or ADMIN.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/opportunities")
    ResponseEntity<OpportunityWritten> open(@Valid @RequestBody OpenRequest request) {
        Actor actor = currentActor.get();
        String id = request.opportunityId() != null ? request.opportunityId() : "opp-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new OpenOpportunityCommand(new OpportunityId(id),
                request.customerId(), request.productLine().trim(), request.expectedValue(), actor), actor);
        return ResponseEntity.created(URI.create("/api/opportunities/" + id)).body(new OpportunityWritten(id,
                accepted.position()));
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Move an opportunity along the funnel",
            description = "To VISITED, SAMPLE_SENT or QUOTED; stages may be skipped, never gone back to (409 `stage-backwards`).")
    @PostMapping("/api/opportunities/{opportunityId}/stage")
    OpportunityWritten stage(@PathVariable String opportunityId, @Valid @RequestBody StageRequest request) {
        return advance(opportunityId, request.stage(), Requests.text(request.note()), null);
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Close an opportunity as won",
            description = "With the amount won; a closed opportunity takes no further move (409 `opportunity-closed`).")
    @PostMapping("/api/opportunities/{opportunityId}/won")
    OpportunityWritten won(@PathVariable String opportunityId, @Valid @RequestBody WonRequest request) {
        return advance(opportunityId, OpportunityStage.WON, null, request.amount());
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Close an opportunity as lost",
            description = "With the reason it was lost.")
    @PostMapping("/api/opportunities/{opportunityId}/lost")
    OpportunityWritten lost(@PathVariable String opportunityId, @Valid @RequestBody LostRequest request) {
        return advance(opportunityId, OpportunityStage.LOST, request.reason().trim(), null);
    }

    /** Readable by whoever may read its customer. */
    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Read an opportunity",
            description = "Where it stands, every stage it entered and when, and how it closed. Whoever may read its customer.")
    @GetMapping("/api/opportunities/{opportunityId}")
    OpportunityView get(@PathVariable String opportunityId, @RequestParam(required = false) @Min(0) Long minPosition) {
        OpportunityView opportunity = reads.query(new FindOpportunityQuery(opportunityId),
                        ResponseTypes.optionalInstanceOf(OpportunityView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("opportunity", opportunityId));
        access.visibleCustomer(opportunity.customerId(), minPosition);
        return opportunity;
    }

    private OpportunityWritten advance(String opportunityId, OpportunityStage stage, String note, BigDecimal amount) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new AdvanceOpportunityCommand(new OpportunityId(opportunityId),
                stage, note, amount, actor), actor);
        return new OpportunityWritten(opportunityId, accepted.position());
    }

    /** A rep sees only their own funnel; managers, admins and auditors anyone's. */
    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "The sales funnel",
            description = "Of the opportunities opened in [from, to) (default the last 30 days): how many reached each stage, conversion to the next, median days in each stage, won and lost. A REP sees their own; others filter by `repId`, `region`, `productLine`.")
    @GetMapping("/api/funnel")
    FunnelView funnel(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                      @RequestParam(required = false) @Size(max = 64) String repId,
                      @RequestParam(required = false) @Size(max = 160) String region,
                      @RequestParam(required = false) @Size(max = 100) String productLine,
                      @RequestParam(required = false) @Min(0) Long minPosition) {
        Actor actor = currentActor.get();
        String rep = repId;
        if (!actor.actsForCompany() && !actor.roles().contains(Role.AUDITOR)) {
            if (repId != null && !actor.isRep(repId)) {
                throw new ForbiddenException("a rep sees only their own funnel");
            }
            rep = actor.repId() == null ? "" : actor.repId();
        }
        ReportingPeriod period = ReportingPeriod.of(from, to, clock);
        return reads.query(new FunnelQuery(period.from(), period.to(), rep, region, productLine), ResponseTypes.instanceOf(FunnelView.class),
                minPosition);
    }

    @Operation(tags = ApiTags.OPPORTUNITIES, summary = "Sales forecast",
            description = "The open opportunities (of `repId` and `productLine` when given), each weighted by the win rate "
                    + "of its stage: the share of the opportunities closed in [from, to) (default the last 365 days) that "
                    + "reached the stage and were won. A stage with fewer than `ledger.forecast.min-closed` (5) closed ones "
                    + "to learn from uses its default rate (`ledger.forecast.default-rates`, LEAD → QUOTED) and says so "
                    + "(`learned: false`, `basis`). MANAGER, AUDITOR, ADMIN; a REP only their own (the default for a rep).")
    @GetMapping("/api/forecast")
    Forecast forecast(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                      @RequestParam(required = false) @Size(min = 1, max = 64) String repId,
                      @RequestParam(required = false) @Size(min = 1, max = 64) String productLine,
                      @RequestParam(required = false) @Min(0) Long minPosition) {
        String rep = access.repScope(repId);
        Instant end = to != null ? to : clock.instant();
        ReportingPeriod window = ReportingPeriod.of(from != null ? from : end.minus(java.time.Duration.ofDays(365)), end, clock);
        java.util.Map<OpportunityStage, Double> defaults = new java.util.EnumMap<>(OpportunityStage.class);
        List<OpportunityStage> open = List.of(OpportunityStage.LEAD, OpportunityStage.VISITED, OpportunityStage.SAMPLE_SENT,
                OpportunityStage.QUOTED);
        for (int i = 0; i < open.size(); i++) {
            defaults.put(open.get(i), i < defaultRates.length ? defaultRates[i] : 0.0);
        }
        return reads.query(new ForecastQuery(window.from(), window.to(), rep, Requests.text(productLine), defaults,
                minClosed), ResponseTypes.instanceOf(Forecast.class), minPosition);
    }

    @Operation(tags = ApiTags.ANALYTICS, summary = "Customers by region",
            description = "How many customers per province, city and county, owned and in the pool. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/analytics/customers-by-region")
    CustomersByRegion customersByRegion(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new CustomersByRegionQuery(), ResponseTypes.instanceOf(CustomersByRegion.class), minPosition);
    }

    @Operation(tags = ApiTags.ANALYTICS, summary = "Reps ranked by what they won",
            description = "Per rep in [from, to) (default the last 30 days): value won, opportunities won, visits and deals. "
                    + "With `period` (a month `2026-11`, quarter `2026-Q4` or year `2026`, instead of from and to) also each "
                    + "rep's sales target for it and the attainment of the deals. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/analytics/leaderboard")
    Leaderboard leaderboard(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) @Size(max = 7) String period,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        if (period != null) {
            if (from != null || to != null) {
                throw new BadRequestException("give either period or from and to, not both");
            }
            SalesPeriod sales = Requests.period(period);
            return reads.query(new LeaderboardQuery(sales.from(zone), sales.to(zone), sales), ResponseTypes.instanceOf(Leaderboard.class),
                    minPosition);
        }
        ReportingPeriod range = ReportingPeriod.of(from, to, clock);
        return reads.query(new LeaderboardQuery(range.from(), range.to()), ResponseTypes.instanceOf(Leaderboard.class), minPosition);
    }
}
