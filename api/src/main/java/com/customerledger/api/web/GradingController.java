package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.grading.GradingRecompute;
import com.customerledger.command.grading.OverrideGradeCommand;
import com.customerledger.command.grading.SetGradingPolicyCommand;
import com.customerledger.events.Grade;
import com.customerledger.events.GradeThreshold;
import com.customerledger.query.customer.GradeCounts;
import com.customerledger.query.customer.GradeCountsQuery;
import com.customerledger.query.policy.FindGradingPolicyQuery;
import com.customerledger.query.policy.GradingPolicyView;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** S/A/B/C grading: the thresholds, regrading every customer, grading one by hand, and counts for dashboards. */
@RestController
class GradingController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final GradingRecompute recompute;

    GradingController(Commands commands, Reads reads, CurrentActor currentActor, GradingRecompute recompute) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.recompute = recompute;
    }

    record ThresholdRequest(
            @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal minVolume,
            @NotNull @Digits(integer = 14, fraction = 2) BigDecimal minMargin,
            @NotNull @Min(0) @Max(12) Integer minActiveMonths) {

        GradeThreshold toThreshold() {
            return new GradeThreshold(minVolume, minMargin, minActiveMonths);
        }
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"S\": {\"minVolume\": \"2000000\", \"minMargin\": \"200000\", \"minActiveMonths\": 10}, \"A\": {\"minVolume\": \"500000\", \"minMargin\": \"50000\", \"minActiveMonths\": 6}, \"B\": {\"minVolume\": \"100000\", \"minMargin\": \"10000\", \"minActiveMonths\": 3}}")
    record GradingPolicyRequest(@JsonProperty("S") @NotNull @Valid ThresholdRequest s,
                                @JsonProperty("A") @NotNull @Valid ThresholdRequest a,
                                @JsonProperty("B") @NotNull @Valid ThresholdRequest b) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"grade\": \"A\", \"reason\": \"年度战略客户\"}")
    record GradeRequest(@NotNull Grade grade, @NotBlank @Size(max = 500) String reason) {
    }

    record PolicySet(int version, long position) {
    }

    record GradeSet(String customerId, long position) {
    }

    record Recomputed(GradingRecompute.Result result, long position) {
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Set the grading thresholds",
            description = "ADMIN. Minimum trade volume, margin and active months for S, A and B (C is the rest). A new version.")
    @PutMapping("/api/policies/grading")
    PolicySet setPolicy(@Valid @RequestBody GradingPolicyRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Integer> accepted = commands.send(SetGradingPolicyCommand.of(request.s().toThreshold(),
                request.a().toThreshold(), request.b().toThreshold(), actor), actor);
        return new PolicySet(accepted.result(), accepted.position());
    }

    @Operation(tags = ApiTags.POLICIES, summary = "Read the grading thresholds",
            description = "The thresholds in force; version 0 means none is set. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/policies/grading")
    GradingPolicyView policy(@RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindGradingPolicyQuery(), ResponseTypes.instanceOf(GradingPolicyView.class), minPosition);
    }

    /** Regrades every customer now; a grade set by hand is kept unless {@code includeManual=true}. */
    @Operation(tags = ApiTags.POLICIES, summary = "Regrade every customer",
            description = "ADMIN. Applies the thresholds in force to every customer, each change with its inputs; a grade set by hand is kept unless `includeManual=true`.")
    @PostMapping("/api/policies/grading/recompute")
    Recomputed recompute(@RequestParam(defaultValue = "false") boolean includeManual) {
        Actor actor = currentActor.get();
        GradingRecompute.Result result = recompute.run(actor, includeManual, "recompute-" + UUID.randomUUID());
        return new Recomputed(result, commands.headPosition());
    }

    @Operation(tags = ApiTags.CUSTOMERS, summary = "Set a customer's grade by hand",
            description = "MANAGER or ADMIN, with a reason. Kept by later recomputes unless they include manual grades.")
    @PostMapping("/api/customers/{customerId}/grade")
    GradeSet setGrade(@PathVariable String customerId, @Valid @RequestBody GradeRequest request) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new OverrideGradeCommand(new CustomerId(customerId),
                request.grade(), request.reason().trim(), actor), actor);
        return new GradeSet(customerId, accepted.position());
    }

    @Operation(tags = ApiTags.ANALYTICS, summary = "Customers per grade",
            description = "Counts per grade by rep (`by=rep`) or by province (`by=region`). MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/analytics/grades")
    GradeCounts gradeCounts(@RequestParam(defaultValue = "rep") GradeCountsQuery.By by,
                            @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new GradeCountsQuery(by), ResponseTypes.instanceOf(GradeCounts.class), minPosition);
    }
}
