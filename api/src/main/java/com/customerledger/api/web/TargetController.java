package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.target.SetSalesTargetCommand;
import com.customerledger.events.SalesPeriod;
import com.customerledger.query.target.ListTargetsQuery;
import com.customerledger.query.target.Targets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales targets (销售任务) per rep or dealer and period, and how far the deals reach them. */
@RestController
class TargetController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    TargetController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"period\": \"2026-Q4\", \"repId\": \"rep-a\", \"amount\": \"1200000.00\"}")
    record TargetRequest(
            @NotBlank @Size(max = 7) String period,
            @Pattern(regexp = ID, message = ID_MESSAGE) String repId,
            @Pattern(regexp = ID, message = ID_MESSAGE) String customerId,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount) {

        @AssertTrue(message = "name either repId or customerId")
        @Schema(hidden = true)
        boolean isForOneSubject() {
            return (repId == null) != (customerId == null);
        }
    }

    record TargetSet(String targetId, String period, long position) {
    }

    @Operation(tags = ApiTags.TARGETS, summary = "Set a sales target",
            description = "MANAGER or ADMIN. The target of a rep (`repId`) or of a customer such as a dealer (`customerId`) "
                    + "for a month (`2026-11`), quarter (`2026-Q4`) or year (`2026`), in yuan of deals. Setting it again "
                    + "changes it (each change is kept in the audit trail); the same amount again changes nothing. An "
                    + "unknown rep or customer is 404.")
    @PutMapping("/api/targets")
    TargetSet set(@Valid @RequestBody TargetRequest request) {
        Actor actor = currentActor.get();
        SalesPeriod period = Requests.period(request.period());
        String id = SetSalesTargetCommand.idOf(period, request.repId(), request.customerId());
        Commands.Accepted<String> accepted = commands.send(new SetSalesTargetCommand(id, period, request.repId(),
                request.customerId(), request.amount(), actor), actor);
        return new TargetSet(id, period.toString(), accepted.position());
    }

    @Operation(tags = ApiTags.TARGETS, summary = "Targets of a period and their attainment",
            description = "Every target of the period, with the actual (the deals closed in the period: credited to the "
                    + "rep, or of the customer; each delivered order is a deal) and the attainment (actual ÷ target). "
                    + "MANAGER, AUDITOR, ADMIN, FINANCE; a REP only their own (the default for a rep).")
    @GetMapping("/api/targets")
    Targets list(@RequestParam @Size(max = 7) String period, @RequestParam(required = false) @Size(min = 1, max = 64) String repId,
                 @RequestParam(required = false) @Min(0) Long minPosition) {
        String rep = access.repScope(repId);
        return reads.query(new ListTargetsQuery(Requests.period(period), rep), ResponseTypes.instanceOf(Targets.class),
                minPosition);
    }
}
