package com.customerledger.api.web;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.operations.RecordParkedEventSkipCommand;
import com.customerledger.query.ParkedEvents;
import com.customerledger.query.ParkedEvents.ParkedEvent;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.ProjectionStatus;
import com.customerledger.query.Projections;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    AdminController(ProjectionProgress projections, ParkedEvents parked, Commands commands, CurrentActor currentActor) {
        this.projections = projections;
        this.parked = parked;
        this.commands = commands;
        this.currentActor = currentActor;
    }

    record ReplayStarted(String name, long head) {
    }

    record Retried(String name, int sequencesCleared, long parked) {
    }

    record SkipRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record Skipped(String name, ParkedEvent skipped, long parked, long position) {
    }

    @GetMapping
    List<ProjectionStatus> statuses() {
        return projections.statuses(commands.headPosition());
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ReplayStarted> replay(@PathVariable String name) {
        known(name);
        projections.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(new ReplayStarted(name, commands.headPosition()));
    }

    @GetMapping("/{name}/parked")
    List<ParkedEvent> parked(@PathVariable String name) {
        known(name);
        return parked.list(name);
    }

    @PostMapping("/{name}/parked/retry")
    Retried retry(@PathVariable String name) {
        known(name);
        int cleared = parked.retry(name);
        return new Retried(name, cleared, parked.count(name));
    }

    @PostMapping("/{name}/parked/{eventId}/skip")
    Skipped skip(@PathVariable String name, @PathVariable String eventId, @Valid @RequestBody SkipRequest request) {
        known(name);
        ParkedEvent event = parked.list(name).stream().filter(p -> p.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new NotFoundException("parked event of " + name, eventId));
        var recorded = commands.send(new RecordParkedEventSkipCommand(name, event.eventId(), event.type(),
                event.aggregateId(), request.reason().trim(), currentActor.get()), currentActor.get());
        parked.skip(name, eventId);
        return new Skipped(name, event, parked.count(name), recorded.position());
    }

    private static void known(String name) {
        if (!Projections.ALL.contains(name)) {
            throw new NotFoundException("projection", name);
        }
    }
}
