package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.query.ParkedEvents.ParkedEvent;
import com.customerledger.query.ParkedEvents;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the read models (ADMIN): their status, replaying one from the first event, and the
 * events a projection parked because it could not apply them (retry them, or skip one, audited).
 */
@RestController
@RequestMapping("/api/admin/projections")
class AdminController {

    private final ProjectionProgress projections;
    private final ParkedEvents parked;
    private final Commands commands;
    private final CurrentActor currentActor;
    private final ProjectionOperations operations;

    AdminController(ProjectionProgress projections, ParkedEvents parked, Commands commands, CurrentActor currentActor,
                    ProjectionOperations operations) {
        this.operations = operations;
        this.projections = projections;
        this.parked = parked;
        this.commands = commands;
        this.currentActor = currentActor;
    }

    record ReplayStarted(String name, long head) {
    }

    record Retried(String name, int sequencesCleared, long parked) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"reason\": \"测试数据，已人工核对\"}")
    record SkipRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record Skipped(String name, ParkedEvent skipped, long parked, long position) {
    }

    @Operation(tags = ApiTags.OPERATIONS, summary = "Projection status",
            description = "Each projection with its status, position, the head of the event store and the lag behind it. ADMIN.")
    @GetMapping
    List<ProjectionStatus> statuses() {
        return projections.statuses(commands.headPosition());
    }

    @Operation(tags = ApiTags.OPERATIONS, summary = "Replay a projection",
            description = "ADMIN. Rebuilds the read model from the first event; only its own reads wait meanwhile. Progress in the projection status.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{name}/replay")
    ResponseEntity<ReplayStarted> replay(@PathVariable String name) {
        ProjectionOperations.known(name);
        projections.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(new ReplayStarted(name, commands.headPosition()));
    }

    @Operation(tags = ApiTags.OPERATIONS, summary = "Parked events of a projection",
            description = "Events the projection could not apply and set aside, with the error. ADMIN.")
    @GetMapping("/{name}/parked")
    List<ParkedEvent> parked(@PathVariable String name) {
        ProjectionOperations.known(name);
        return parked.list(name);
    }

    @Operation(tags = ApiTags.OPERATIONS, summary = "Retry the parked events",
            description = "ADMIN. Applies the parked events again; those that still fail stay parked.")
    @PostMapping("/{name}/parked/retry")
    Retried retry(@PathVariable String name) {
        ProjectionOperations.known(name);
        int cleared = parked.retry(name);
        return new Retried(name, cleared, parked.count(name));
    }

    @Operation(tags = ApiTags.OPERATIONS, summary = "Skip a parked event",
            description = "ADMIN, with a reason; the skip is itself recorded as an event.")
    @PostMapping("/{name}/parked/{eventId}/skip")
    Skipped skip(@PathVariable String name, @PathVariable String eventId, @Valid @RequestBody SkipRequest request) {
        ProjectionOperations.Skip skip = operations.skip(name, eventId, request.reason().trim(), currentActor.get());
        return new Skipped(name, skip.event(), parked.count(name), skip.position());
    }
}
