package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.sellthrough.ReportSellThroughCommand;
import com.customerledger.events.SalesPeriod;
import com.customerledger.query.sellthrough.FindSellThroughQuery;
import com.customerledger.query.sellthrough.SellThroughView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Dealers' sell-through reports (经销商上报终端销售数据): what they sold on to farms and stores, per period. */
@RestController
class SellThroughController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;

    SellThroughController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
    }

    record LineRequest(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String productId,
                       @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 3) BigDecimal quantity,
                       @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"reportId\": \"st-2026-11-01\", \"period\": \"2026-11\", \"lines\": [{\"productId\": \"feed-pig-grower-40\", \"quantity\": 420, \"amount\": \"75600.00\"}]}")
    record ReportRequest(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String reportId,
                         @NotBlank @Size(max = 7) String period,
                         @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid LineRequest> lines) {
    }

    record Reported(String reportId, String period, long position) {
    }

    @Operation(tags = ApiTags.TARGETS, summary = "Report a dealer's sell-through",
            description = "The DEALER itself, its owner REP, MANAGER or ADMIN: what the dealer sold on in a month, quarter "
                    + "or year, per product (units and yuan). A new report for the same period supersedes the one before "
                    + "(both are kept); nothing is edited. The same report again is answered as the first time; other lines "
                    + "under a used report id are 409 `id-already-used`. It can be the basis of a rebate program (`SELL_THROUGH`).")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/customers/{customerId}/sell-through")
    ResponseEntity<Reported> report(@PathVariable String customerId, @Valid @RequestBody ReportRequest request) {
        Actor actor = currentActor.get();
        SalesPeriod period = Requests.period(request.period());
        Commands.Accepted<String> accepted = commands.send(new ReportSellThroughCommand(
                ReportSellThroughCommand.idOf(customerId, period), request.reportId(), customerId, period,
                request.lines().stream().map(line -> new ReportSellThroughCommand.Line(line.productId(), line.quantity(),
                        line.amount())).toList(), actor), actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customerId + "/sell-through?period=" + period))
                .body(new Reported(request.reportId(), period.toString(), accepted.position()));
    }

    @Operation(tags = ApiTags.TARGETS, summary = "A dealer's sell-through for a period",
            description = "The report in force with its totals, and every report it superseded. Whoever may read the "
                    + "customer, FINANCE, and the DEALER for its own.")
    @GetMapping("/api/customers/{customerId}/sell-through")
    SellThroughView read(@PathVariable String customerId, @RequestParam @Size(max = 7) String period,
                         @RequestParam(required = false) @Min(0) Long minPosition) {
        SalesPeriod sales = Requests.period(period);
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new FindSellThroughQuery(customerId, sales), ResponseTypes.instanceOf(SellThroughView.class),
                minPosition);
    }
}
