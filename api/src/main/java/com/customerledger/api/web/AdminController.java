package com.customerledger.api.web;

import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.ProjectionStatus;
import com.customerledger.query.Projections;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the read models (ADMIN): their status, and replaying one from the first event. */
@RestController
@RequestMapping("/api/admin/projections")
class AdminController {

    private final ProjectionProgress projections;
    private final Commands commands;

    AdminController(ProjectionProgress projections, Commands commands) {
        this.projections = projections;
        this.commands = commands;
    }

    record ReplayStarted(String name, long head) {
    }

    @GetMapping
    List<ProjectionStatus> statuses() {
        return projections.statuses(commands.headPosition());
    }

    @PostMapping("/{name}/replay")
    ResponseEntity<ReplayStarted> replay(@PathVariable String name) {
        if (!Projections.ALL.contains(name)) {
            throw new NotFoundException("projection", name);
        }
        projections.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections"))
                .body(new ReplayStarted(name, commands.headPosition()));
    }
}
