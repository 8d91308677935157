package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.credit.CreditRequestId;
import com.customerledger.command.credit.DecideCreditLimitRequestCommand;
import com.customerledger.command.credit.RequestCreditLimitCommand;
import com.customerledger.events.Decision;
import com.customerledger.query.credit.CreditAccountView;
import com.customerledger.query.credit.CreditRequestPage;
import com.customerledger.query.credit.CreditRequestView;
import com.customerledger.query.credit.FindCreditAccountQuery;
import com.customerledger.query.credit.FindCreditRequestQuery;
import com.customerledger.query.credit.ListCreditRequestsQuery;
import com.customerledger.query.credit.Receivables;
import com.customerledger.query.credit.ReceivablesQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.Clock;
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

/** Credit accounts: a customer's limit and payment term, changed only by a request that finance decides. */
@RestController
class CreditController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;
    private final Clock clock;

    CreditController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access, Clock clock) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
        this.clock = clock;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"requestId\": \"cr-lvyuan-2026\", \"limit\": \"200000.00\", \"paymentTermDays\": 60, \"reason\": \"春季备货，年采购量预计翻倍\"}")
    record CreditRequestBody(
            @Pattern(regexp = ID, message = ID_MESSAGE) String requestId,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal limit,
            @NotNull @Min(0) @Max(365) Integer paymentTermDays,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"decision\": \"APPROVE\", \"note\": \"回款记录良好\"}")
    record DecisionBody(@NotNull Decision decision, @Size(max = 500) String note) {
    }

    record CreditRequested(String requestId, long position) {
    }

    record CreditDecided(String requestId, Decision decision, long position) {
    }

    @Operation(tags = ApiTags.CREDIT, summary = "Ask for a credit limit",
            description = "The customer's owner, MANAGER or ADMIN asks finance for a limit (yuan) and payment term (days), "
                    + "with a reason. Nothing changes until FINANCE or ADMIN decides; whoever asked can never decide.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/customers/{customerId}/credit/requests")
    ResponseEntity<CreditRequested> request(@PathVariable String customerId, @Valid @RequestBody CreditRequestBody body) {
        Actor actor = currentActor.get();
        String id = body.requestId() != null ? body.requestId() : "cr-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new RequestCreditLimitCommand(new CreditRequestId(id), customerId,
                body.limit(), body.paymentTermDays(), body.reason().trim(), actor), actor);
        return ResponseEntity.created(URI.create("/api/credit/requests/" + id)).body(new CreditRequested(id, accepted.position()));
    }

    @Operation(tags = ApiTags.CREDIT, summary = "Decide a credit-limit request",
            description = "FINANCE or ADMIN, never the one who asked (403). APPROVE makes the requested limit and term the "
                    + "customer's; REJECT changes nothing. A request is decided once (another decision: 409 `already-decided`).")
    @PostMapping("/api/credit/requests/{requestId}/decision")
    CreditDecided decide(@PathVariable String requestId, @Valid @RequestBody DecisionBody body) {
        Actor actor = currentActor.get();
        Commands.Accepted<Void> accepted = commands.send(new DecideCreditLimitRequestCommand(new CreditRequestId(requestId),
                body.decision(), Requests.text(body.note()), actor), actor);
        return new CreditDecided(requestId, body.decision(), accepted.position());
    }

    @Operation(tags = ApiTags.CREDIT, summary = "A customer's credit account",
            description = "Limit and payment term in force, outstanding, reserved, available and overdue amounts, and "
                    + "every limit request with who asked, who decided and why. For whoever may read the customer, FINANCE, and the DEALER for its own.")
    @GetMapping("/api/customers/{customerId}/credit")
    CreditAccountView account(@PathVariable String customerId, @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindCreditAccountQuery(customerId, clock.instant()), ResponseTypes.instanceOf(CreditAccountView.class),
                minPosition);
    }

    @Operation(tags = ApiTags.CREDIT, summary = "List credit-limit requests",
            description = "Oldest first; `status=PENDING` is finance's work list. FINANCE, MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/credit/requests")
    CreditRequestPage list(@RequestParam(required = false) @Pattern(regexp = "PENDING|APPROVED|REJECTED") String status,
                           @RequestParam(required = false) @Size(min = 1, max = 64) String customerId,
                           @Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListCreditRequestsQuery(status, Requests.text(customerId), page.toRequest()),
                ResponseTypes.instanceOf(CreditRequestPage.class), minPosition);
    }

    @Operation(tags = ApiTags.CREDIT, summary = "Receivables aging",
            description = "What the customers owe as the ledger stood at `asOf` (default now: deliveries and payments "
                    + "recorded by then), each open amount by its days past the due date (delivery plus payment term): "
                    + "not yet due, 0–30, 31–60, 61–90, over 90. The total, each owner's (the owner now), and the customers "
                    + "that owe, the largest debt first (a page). FINANCE, MANAGER, AUDITOR, ADMIN; a REP only with their own "
                    + "`repId` (the default for a rep).")
    @GetMapping("/api/analytics/receivables")
    Receivables receivables(@RequestParam(required = false) @Size(min = 1, max = 64) String repId,
                            @RequestParam(required = false) Instant asOf, @Valid @ParameterObject PageParams page,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        String rep = access.repScope(repId);
        return reads.query(new ReceivablesQuery(rep, asOf != null ? asOf : clock.instant(), page.toRequest()),
                ResponseTypes.instanceOf(Receivables.class), minPosition);
    }

    @Operation(tags = ApiTags.CREDIT, summary = "Read a credit-limit request",
            description = "What was asked, by whom and why, and the decision. FINANCE, MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/credit/requests/{requestId}")
    CreditRequestView read(@PathVariable String requestId, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindCreditRequestQuery(requestId), ResponseTypes.optionalInstanceOf(CreditRequestView.class),
                minPosition).orElseThrow(() -> new NotFoundException("credit request", requestId));
    }
}
