package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.rebate.SetRebatePolicyCommand;
import com.customerledger.command.rebate.SettleRebateCommand;
import com.customerledger.events.CustomerType;
import com.customerledger.events.SalesPeriod;
import com.customerledger.events.rebate.RebateBasis;
import com.customerledger.events.rebate.RebateProgram;
import com.customerledger.events.rebate.RebateSettledEvent;
import com.customerledger.events.rebate.RebateTier;
import com.customerledger.query.rebate.CustomerRebates;
import com.customerledger.query.rebate.CustomerRebatesQuery;
import com.customerledger.query.rebate.FindRebatePolicyQuery;
import com.customerledger.query.rebate.RebatePolicyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebate programs (返点政策), what each customer earns under them, and their settlement by finance. */
@RestController
class RebateController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    RebateController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    record TierRequest(@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal from,
                       @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent) {
    }

    record ProgramRequest(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String programId,
            @NotNull SalesPeriod.Kind period,
            @Size(min = 1, max = 64) String productLine,
            @Size(max = 10) List<@NotNull CustomerType> customerTypes,
            @NotNull RebateBasis basis,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid TierRequest> tiers,
            @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal minTargetAttainment) {

        RebateProgram toProgram() {
            return new RebateProgram(programId, period, Requests.text(productLine), customerTypes, basis,
                    tiers.stream().map(tier -> new RebateTier(tier.from(), tier.percent().stripTrailingZeros())).toList(),
                    minTargetAttainment);
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"programs\": [{\"programId\": \"feed-dealers-q\", \"period\": \"QUARTER\", \"productLine\": \"feed\", \"customerTypes\": [\"DEALER\"], \"basis\": \"AMOUNT\", \"tiers\": [{\"from\": \"100000\", \"percent\": \"1\"}, {\"from\": \"500000\", \"percent\": \"2.5\"}], \"minTargetAttainment\": \"0.8\"}]}")
    record RebatePolicyRequest(@NotNull @Size(max = 100) List<@NotNull @Valid ProgramRequest> programs) {
    }

    record PolicySet(int version, long position) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"customerId\": \"c-dealer-a\", \"programId\": \"feed-dealers-q\", \"period\": \"2026-Q3\"}")
    record SettlementRequest(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
                             @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String programId,
                             @NotBlank @Size(max = 7) String period) {
    }

    record Settled(String settlementId, BigDecimal amount, String explanation, int policyVersion, long position) {
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Set the rebate policy",
            description = "ADMIN. Rebate programs: per month, quarter or year, the deliveries of a product line (or all) to "
                    + "customers of some types (or all) reach a tier by delivered amount or quantity; the highest tier "
                    + "reached gives the percent of the delivered amount earned back. `minTargetAttainment`: only a "
                    + "customer whose own sales target for the period is reached that far earns it. Tiers rise. A new "
                    + "version replaces the programs.")
    @PutMapping("/api/policies/rebates")
    PolicySet setPolicy(@Valid @RequestBody RebatePolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(SetRebatePolicyCommand.of(
                request.programs().stream().map(ProgramRequest::toProgram).toList(), actor), actor);
        return new PolicySet(accepted.result() + 1, accepted.position());
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the rebate policy",
            description = "The version in force with its programs (version 0: none set). MANAGER, AUDITOR, ADMIN, FINANCE.")
    @GetMapping("/api/policies/rebates")
    RebatePolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindRebatePolicyQuery(), ResponseTypes.instanceOf(RebatePolicyView.class), minPosition);
    }

    @Operation(tags = ApiTags.TARGETS, summary = "A customer's rebates for a period",
            description = "Per program of the period's kind (a month `2026-11`, quarter `2026-Q4` or year `2026`): the "
                    + "basis the period's deliveries reached, the tier and rate, the amount earned and why, and the "
                    + "settlement once finance made it. Whoever may read the customer, FINANCE, and the DEALER for its own.")
    @GetMapping("/api/customers/{customerId}/rebates")
    CustomerRebates rebates(@PathVariable String customerId, @RequestParam @Size(max = 7) String period,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        SalesPeriod sales = Requests.period(period);
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new CustomerRebatesQuery(customerId, sales), ResponseTypes.optionalInstanceOf(CustomerRebates.class),
                minPosition).orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    @Operation(tags = ApiTags.TARGETS, summary = "Settle a customer's rebate for an ended period",
            description = "FINANCE or ADMIN. Once per customer, program and period (again: 409 `already-settled`), after "
                    + "the period has ended (before: 409 `period-not-ended`), at the accrual computed from every event "
                    + "stored so far. The amount is credited to the customer's account as a payment of method REBATE.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/rebates/settlements")
    ResponseEntity<Settled> settle(@Valid @RequestBody SettlementRequest request) {
        Actor actor = currentActor.get();
        SalesPeriod period = Requests.period(request.period());
        CustomerRebates rebates = reads.query(new CustomerRebatesQuery(request.customerId(), period),
                        ResponseTypes.optionalInstanceOf(CustomerRebates.class), commands.headPosition())
                .orElseThrow(() -> new NotFoundException("customer", request.customerId()));
        CustomerRebates.Item item = rebates.items().stream()
                .filter(candidate -> candidate.accrual().programId().equals(request.programId())).findFirst()
                .orElseThrow(() -> new NotFoundException("rebate program of a " + period.kind().name().toLowerCase()
                        + " in the policy in force", request.programId()));
        String id = RebateSettledEvent.idOf(request.customerId(), request.programId(), period);
        Commands.Accepted<RebateSettledEvent> accepted = commands.send(new SettleRebateCommand(id, request.customerId(),
                period, rebates.policyVersion(), item.accrual(), actor), actor);
        RebateSettledEvent settled = accepted.result();
        return ResponseEntity.created(URI.create("/api/customers/" + request.customerId() + "/rebates?period=" + period))
                .body(new Settled(id, settled.amount(), settled.explanation(), settled.policyVersion(), accepted.position()));
    }
}
