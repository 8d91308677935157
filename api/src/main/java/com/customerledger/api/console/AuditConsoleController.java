package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.CustomerAccess;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.Reads;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

    private final CurrentActor currentActor;
    private final Reads reads;
    private final CustomerAccess access;
    private final OwnershipChanges changes;
    private final AuditChain chain;
    private final ConsoleTime time;
    private final Clock clock;

    AuditConsoleController(CurrentActor currentActor, Reads reads, CustomerAccess access, OwnershipChanges changes,
                           AuditChain chain, ConsoleTime time, Clock clock) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.access = access;
        this.changes = changes;
        this.chain = chain;
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
