package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.CustomerAccess;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.OwnershipChangesExport;
import com.customerledger.api.web.Reads;
import com.customerledger.api.web.ReportingPeriod;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.query.PageRequest;
import com.customerledger.query.audit.AuditChain;
import com.customerledger.query.audit.OwnershipChanges;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.ownership.FindOwnershipQuery;
import com.customerledger.query.ownership.OwnershipPeriod;
import com.customerledger.query.ownership.OwnershipView;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor's console (AUDITOR, ADMIN): find a customer, read its ownership timeline as of an effective time and
 * as the ledger knew it at a recorded time, with who authorized each change and what was reversed, its raw events
 * with their metadata and chain links, and whether the hash chain verifies (with the head hash to anchor elsewhere).
 * Read only: no page here writes anything.
 */
@Controller
class AuditConsoleController {

    /** One period drawn on the timeline: where it starts and how wide it is, in percent of the whole. */
    record Bar(OwnershipPeriod period, double left, double width) {
    }

    /** The changes a page lists; the CSV has them all. */
    private static final int SHOWN_CHANGES = 500;

    private final CurrentActor currentActor;
    private final Reads reads;
    private final CustomerAccess access;
    private final OwnershipChanges changes;
    private final AuditChain chain;
    private final OwnershipChangesExport export;
    private final ConsoleTime time;
    private final Clock clock;

    AuditConsoleController(CurrentActor currentActor, Reads reads, CustomerAccess access, OwnershipChanges changes,
                           AuditChain chain, OwnershipChangesExport export, ConsoleTime time, Clock clock) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.access = access;
        this.changes = changes;
        this.chain = chain;
        this.export = export;
        this.time = time;
        this.clock = clock;
    }

    private Actor auditor() {
        Actor actor = currentActor.get();
        if (!actor.roles().contains(Role.AUDITOR) && !actor.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("the audit pages are for auditors and admins");
        }
        return actor;
    }

    @GetMapping("/console/audit")
    String find(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("actor", auditor());
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("found", reads.query(new SearchCustomersQuery(new CustomerFilter(q.trim(), null, null, null,
                    null, null), null, new PageRequest(0, 50)), ResponseTypes.instanceOf(CustomerPage.class), null));
        }
        return "audit";
    }

    @GetMapping("/console/audit/customers/{customerId}")
    String customer(@PathVariable String customerId, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String knownAt, Model model) {
        model.addAttribute("actor", auditor());
        CustomerView customer = access.visibleCustomer(customerId, null);
        Instant effective = time.parse(asOf);
        Instant known = time.parse(knownAt);
        OwnershipView ownership = reads.query(new FindOwnershipQuery(customerId, effective, known),
                ResponseTypes.instanceOf(OwnershipView.class), null);
        model.addAttribute("customer", customer);
        model.addAttribute("ownership", ownership);
        model.addAttribute("bars", bars(ownership.periods(), clock.instant()));
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        List<Map<String, Object>> events = changes.eventsOf(customerId);
        model.addAttribute("events", events);
        return "audit-customer";
    }

    @GetMapping("/console/audit/verify")
    String verify(Model model) {
        model.addAttribute("actor", auditor());
        AuditChain.Verification verification = chain.verify();
        model.addAttribute("verification", verification);
        model.addAttribute("headHash", verification.head() == 0 ? null : chain.linksAt(List.of(verification.head()))
                .get(verification.head()));
        return "verify";
    }

    /** The ownership changes recorded in a period, as a table and as the CSV download the API's export writes. */
    @GetMapping("/console/audit/changes")
    String changes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) @Size(max = 64) String repId, Model model) {
        model.addAttribute("actor", auditor());
        ReportingPeriod period = period(from, to);
        List<Map<String, Object>> rows = new ArrayList<>();
        long[] total = {0};
        changes.recordedIn(period.from(), period.to(), blankToNull(repId), null, row -> {
            if (total[0]++ < SHOWN_CHANGES) {
                rows.add(row);
            }
        });
        model.addAttribute("from", time.day(period.from()));
        model.addAttribute("to", time.day(period.to().minusNanos(1)));
        model.addAttribute("repId", blankToNull(repId));
        model.addAttribute("rows", rows);
        model.addAttribute("total", total[0]);
        model.addAttribute("shown", SHOWN_CHANGES);
        return "audit-changes";
    }

    @GetMapping("/console/audit/changes.csv")
    ResponseEntity<StreamingResponseBody> changesCsv(@RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) @Size(max = 64) String repId) {
        auditor();
        ReportingPeriod period = period(from, to);
        String name = "ownership-changes-" + time.day(period.from()) + "-" + time.day(period.to().minusNanos(1)) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(out -> export.write(period, blankToNull(repId), null, true, out));
    }

    /** Whole days in the ledger's zone, both included; by default the 30 days up to today. */
    private ReportingPeriod period(String from, String to) {
        LocalDate last = to == null || to.isBlank() ? LocalDate.now(clock.withZone(time.zone())) : LocalDate.parse(to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(29) : LocalDate.parse(from);
        return ReportingPeriod.of(first.atStartOfDay(time.zone()).toInstant(),
                last.plusDays(1).atStartOfDay(time.zone()).toInstant(), clock);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** The periods laid out from the first registration to now (an open period runs to now). */
    static List<Bar> bars(List<OwnershipPeriod> periods, Instant now) {
        if (periods.isEmpty()) {
            return List.of();
        }
        Instant start = periods.stream().map(OwnershipPeriod::from).min(Instant::compareTo).orElseThrow();
        Instant end = now.isAfter(start) ? now : start.plusSeconds(1);
        double span = Math.max(1, Duration.between(start, end).toMillis());
        List<Bar> bars = new ArrayList<>();
        for (OwnershipPeriod period : periods) {
            Instant to = period.to() == null || period.to().isAfter(end) ? end : period.to();
            double left = Duration.between(start, period.from()).toMillis() / span * 100;
            double width = Math.max(0.5, Duration.between(period.from(), to).toMillis() / span * 100);
            bars.add(new Bar(period, Math.round(left * 10) / 10.0, Math.round(Math.min(width, 100 - left) * 10) / 10.0));
        }
        return bars;
    }
}
