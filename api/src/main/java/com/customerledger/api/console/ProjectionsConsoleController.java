package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.ProjectionOperations;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.query.ParkedEvents;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.ProjectionStatus;
import com.customerledger.query.Projections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The read models' operations page (ADMIN, as {@code /api/admin/projections}): each projection's status, its position
 * against the event store's head and the lag, a replay button, and the progress of a replay, polled by htmx until
 * every projection is back at the head; the events a projection parked, retried or skipped (with a reason, itself an
 * event).
 */
@Controller
class ProjectionsConsoleController {

    private static final int MAX_REASON = 500;

    /** A projection's row: its status and how far along to the head it is, in percent. */
    record Row(ProjectionStatus status, int percent) {

        boolean atHead() {
            return !status.replaying() && status.lag() != null && status.lag() == 0;
        }
    }

    private final CurrentActor currentActor;
    private final ProjectionProgress projections;
    private final ParkedEvents parked;
    private final Commands commands;
    private final ProjectionOperations operations;

    ProjectionsConsoleController(CurrentActor currentActor, ProjectionProgress projections, ParkedEvents parked,
                                 Commands commands, ProjectionOperations operations) {
        this.operations = operations;
        this.currentActor = currentActor;
        this.projections = projections;
        this.parked = parked;
        this.commands = commands;
    }

    private Actor admin() {
        Actor actor = currentActor.get();
        if (!actor.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("the projections are operated by admins");
        }
        return actor;
    }

    @GetMapping("/console/admin/projections")
    String page(Model model) {
        model.addAttribute("actor", admin());
        rows(model);
        return "admin-projections";
    }

    /** The status table alone: what htmx polls while a projection is behind the head. */
    @GetMapping("/console/admin/projections/table")
    String table(@RequestParam(required = false) String replayed, Model model) {
        admin();
        if (replayed != null && Projections.ALL.contains(replayed)) {
            model.addAttribute("replayed", replayed);
        }
        rows(model);
        return "admin-projections :: table";
    }

    /** Starts a replay; from htmx the table comes back (polling until the replay is done), else the page. */
    @PostMapping("/console/admin/projections/{name}/replay")
    String replay(@PathVariable String name, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes redirect) {
        admin();
        ProjectionOperations.known(name);
        projections.replay(name);
        if (htmx != null) {
            model.addAttribute("replayed", name);
            rows(model);
            return "admin-projections :: table";
        }
        redirect.addFlashAttribute("notice", "replay-started");
        return "redirect:/console/admin/projections";
    }

    @GetMapping("/console/admin/projections/{name}/parked")
    String parked(@PathVariable String name, Model model) {
        model.addAttribute("actor", admin());
        ProjectionOperations.known(name);
        model.addAttribute("name", name);
        model.addAttribute("parked", parked.list(name));
        return "admin-parked";
    }

    @PostMapping("/console/admin/projections/{name}/parked/retry")
    String retry(@PathVariable String name, RedirectAttributes redirect) {
        admin();
        ProjectionOperations.known(name);
        int cleared = parked.retry(name);
        redirect.addFlashAttribute("notice", "parked-retried");
        redirect.addFlashAttribute("cleared", cleared);
        redirect.addFlashAttribute("stillParked", parked.count(name));
        return "redirect:/console/admin/projections/" + name + "/parked";
    }

    @PostMapping("/console/admin/projections/{name}/parked/{eventId}/skip")
    String skip(@PathVariable String name, @PathVariable String eventId, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        Actor actor = admin();
        ProjectionOperations.known(name);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            redirect.addFlashAttribute("problem", "a skip needs a reason of 1 to " + MAX_REASON + " characters");
            return "redirect:/console/admin/projections/" + name + "/parked";
        }
        operations.skip(name, eventId, why, actor);
        redirect.addFlashAttribute("notice", "parked-skipped");
        return "redirect:/console/admin/projections/" + name + "/parked";
    }

    private void rows(Model model) {
        List<Row> rows = projections.statuses(commands.headPosition()).stream().map(status -> new Row(status,
                percent(status))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("head", rows.isEmpty() ? 0 : rows.get(0).status().head());
        model.addAttribute("caughtUp", rows.stream().allMatch(Row::atHead));
    }

    private static int percent(ProjectionStatus status) {
        if (status.position() == null) {
            return 0;
        }
        if (status.head() <= 0) {
            return 100;
        }
        return (int) Math.min(100, Math.max(0, status.position() * 100 / status.head()));
    }
}
