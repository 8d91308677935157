package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Requests.RegionRequest;
import com.customerledger.command.Actor;
import com.customerledger.command.batch.BatchId;
import com.customerledger.command.batch.StartTransferBatchCommand;
import com.customerledger.command.rep.DepartRepCommand;
import com.customerledger.command.rep.RepId;
import com.customerledger.events.CustomerFilterCriteria;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.TransferReason;
import com.customerledger.query.batch.FindTransferBatchQuery;
import com.customerledger.query.batch.ListTransferBatchesQuery;
import com.customerledger.query.batch.TransferBatchPage;
import com.customerledger.query.batch.TransferBatchView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

/** Departures and bulk transfers: both start a tracked batch whose progress is readable while it runs. */
@RestController
class TransferController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;

    TransferController(Commands commands, Reads reads, CurrentActor currentActor) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"successorRepId\": \"rep-b\", \"reason\": \"离职\"}")
    record DepartureRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String successorRepId,
            Instant effectiveAt,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** Which of the rep's customers move; as with every body, an unknown member (such as a filter the ledger lacks) is a 400. */
    record FilterRequest(CustomerType type, @Valid RegionRequest region, Grade grade) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"fromRepId\": \"rep-a\", \"byRules\": true, \"filter\": {\"type\": \"FARM\", \"region\": {\"province\": \"山东省\", \"city\": \"潍坊市\"}}, \"reason\": \"REBALANCE\", \"note\": \"潍坊片区重新分配\"}")
    record BulkTransferRequest(
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fromRepId,
            @Pattern(regexp = ID, message = ID_MESSAGE) String toRepId,
            Boolean byRules,
            @Valid FilterRequest filter,
            @NotNull TransferReason reason,
            Instant effectiveAt,
            @Size(max = 1000) String note) {

        @AssertTrue(message = "give either toRepId or byRules: true, not both")
        boolean isOneDestination() {
            return (toRepId != null) != Boolean.TRUE.equals(byRules);
        }
    }

    record BatchStarted(String batchId, long position) {
    }

    @Operation(tags = ApiTags.TRANSFERS, summary = "A rep departs",
            description = "MANAGER or ADMIN. Every customer of the rep moves to `successorRepId`, or by the assignment rules when none is named; their collaborator roles end. Runs as a batch: 202 with `batchId`, progress at `GET /api/transfers/{batchId}`.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/reps/{repId}/departure")
    ResponseEntity<BatchStarted> depart(@PathVariable String repId, @Valid @RequestBody DepartureRequest request) {
        Actor actor = currentActor.get();
        String batchId = "dep-" + UUID.randomUUID();
        Commands.Accepted<String> accepted = commands.send(new DepartRepCommand(new RepId(repId), request.successorRepId(),
                request.reason().trim(), request.effectiveAt(), batchId, actor), actor);
        return ResponseEntity.accepted().location(URI.create("/api/transfers/" + batchId))
                .body(new BatchStarted(batchId, accepted.position()));
    }

    @Operation(tags = ApiTags.TRANSFERS, summary = "Transfer many customers at once",
            description = "MANAGER or ADMIN. Moves the customers of `fromRepId` (optionally only those matching `filter`) to `toRepId`, or by the rules with `byRules: true`. 202 with `batchId`.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/api/transfers")
    ResponseEntity<BatchStarted> bulkTransfer(@Valid @RequestBody BulkTransferRequest request) {
        Actor actor = currentActor.get();
        String batchId = "bulk-" + UUID.randomUUID();
        FilterRequest filter = request.filter();
        Commands.Accepted<Object> accepted = commands.send(new StartTransferBatchCommand(new BatchId(batchId),
                request.fromRepId(), request.toRepId(), Boolean.TRUE.equals(request.byRules()),
                filter == null ? null : new CustomerFilterCriteria(filter.type(),
                        filter.region() == null ? null : filter.region().toRegion(), filter.grade()),
                request.reason(), request.effectiveAt(), Requests.text(request.note()), actor), actor);
        return ResponseEntity.accepted().location(URI.create("/api/transfers/" + batchId))
                .body(new BatchStarted(batchId, accepted.position()));
    }

    @Operation(tags = ApiTags.TRANSFERS, summary = "List departures and bulk transfers",
            description = "Every batch, most recently started first, with status and how many customers are still pending. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/transfers")
    TransferBatchPage batches(@Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new ListTransferBatchesQuery(page.toRequest()), ResponseTypes.instanceOf(TransferBatchPage.class),
                minPosition);
    }

    @Operation(tags = ApiTags.TRANSFERS, summary = "Progress of a batch",
            description = "Counts of customers moved, sent to the pool, unchanged, failed and pending, and one page of the per-customer outcomes. MANAGER, AUDITOR, ADMIN.")
    @GetMapping("/api/transfers/{batchId}")
    TransferBatchView progress(@PathVariable String batchId, @Valid @ParameterObject PageParams page,
                               @RequestParam(required = false) @Min(0) Long minPosition) {
        return reads.query(new FindTransferBatchQuery(batchId, page.toRequest()),
                        ResponseTypes.optionalInstanceOf(TransferBatchView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("transfer batch", batchId));
    }
}
