package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.CustomerAccess;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.customer.ClaimCustomerCommand;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.RecordVisitCommand;
import com.customerledger.command.inbox.MarkInboxItemDoneCommand;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitIntent;
import com.customerledger.query.PageRequest;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.FindPortfolioQuery;
import com.customerledger.query.customer.PortfolioView;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.visit.FindVisitsQuery;
import com.customerledger.query.visit.VisitPage;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A rep's console, made for a phone in the field: my customers (follow-ups due first), a customer's 360 view,
 * recording a visit (with the browser's location when allowed), claiming from the pool, and the inbox.
 */
@Controller
class RepConsoleController {

    private static final int MAX_NOTES = 4000;

    private final CurrentActor currentActor;
    private final Reads reads;
    private final Commands commands;
    private final CustomerAccess access;
    private final ConsoleTime time;
    private final Clock clock;

    RepConsoleController(CurrentActor currentActor, Reads reads, Commands commands, CustomerAccess access, ConsoleTime time,
                         Clock clock) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.commands = commands;
        this.access = access;
        this.time = time;
        this.clock = clock;
    }

    @GetMapping("/console/my")
    String myCustomers(Model model) {
        Actor actor = currentActor.get();
        if (actor.repId() == null) {
            throw new ForbiddenException("only a rep has a book of customers");
        }
        PortfolioView book = reads.query(new FindPortfolioQuery(actor.repId(), CustomerFilter.ALL, null,
                new PageRequest(0, 200)), ResponseTypes.instanceOf(PortfolioView.class), null);
        Instant now = clock.instant();
        // follow-ups due first (the most overdue first), then those planned, then the rest by name
        List<CustomerView> owned = book.owned().items().stream().sorted(Comparator
                .comparing((CustomerView customer) -> customer.nextFollowUpAt() == null)
                .thenComparing(customer -> customer.nextFollowUpAt() == null ? Instant.MAX : customer.nextFollowUpAt()))
                .toList();
        model.addAttribute("actor", actor);
        model.addAttribute("owned", owned);
        model.addAttribute("total", book.owned().total());
        model.addAttribute("collaborating", book.collaborating().items());
        model.addAttribute("now", now);
        return "my";
    }

    @GetMapping("/console/pool")
    String pool(@RequestParam(required = false) String q, Model model) {
        Actor actor = currentActor.get();
        CustomerPage pool = reads.query(new SearchCustomersQuery(new CustomerFilter(blankToNull(q), null, null, null, true,
                null), null, new PageRequest(0, 100)), ResponseTypes.instanceOf(CustomerPage.class), null);
        model.addAttribute("actor", actor);
        model.addAttribute("pool", pool);
        model.addAttribute("q", q);
        model.addAttribute("canClaim", actor.roles().contains(Role.REP));
        return "pool";
    }

    @PostMapping("/console/customers/{customerId}/claim")
    String claim(@PathVariable String customerId, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        try {
            Commands.Accepted<Object> accepted = commands.send(new ClaimCustomerCommand(new CustomerId(customerId), actor),
                    actor);
            redirect.addFlashAttribute("notice", "claimed");
            return "redirect:/console/customers/" + customerId + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/console/pool";
        }
    }

    @GetMapping("/console/customers/{customerId}")
    String customer(@PathVariable String customerId, @RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = currentActor.get();
        CustomerView customer = access.visibleCustomer(customerId, minPosition);
        VisitPage visits = reads.query(new FindVisitsQuery(customerId, new PageRequest(0, 10)),
                ResponseTypes.instanceOf(VisitPage.class), minPosition);
        boolean mayRecord = actor.isRep(customer.ownerRepId()) || customer.collaborators().stream()
                .anyMatch(collaborator -> actor.isRep(collaborator.repId()) && collaborator.role() == CollaboratorRole.EDITOR);
        model.addAttribute("actor", actor);
        model.addAttribute("customer", customer);
        model.addAttribute("visits", visits.items());
        model.addAttribute("mayRecord", mayRecord);
        model.addAttribute("mayClaim", customer.inPool() && actor.roles().contains(Role.REP));
        model.addAttribute("now", time.input(clock.instant()));
        model.addAttribute("channels", VisitChannel.values());
        model.addAttribute("intents", VisitIntent.values());
        return "customer";
    }

    @PostMapping("/console/customers/{customerId}/visits")
    String recordVisit(@PathVariable String customerId, @RequestParam String visitedAt, @RequestParam VisitChannel channel,
                       @RequestParam String notes, @RequestParam(required = false) String outcome,
                       @RequestParam(required = false) String nextFollowUpAt,
                       @RequestParam(required = false) VisitIntent intent,
                       @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                       @RequestParam(required = false) String visitId, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        String text = notes == null ? "" : notes.trim();
        if (text.isEmpty() || text.length() > MAX_NOTES) {
            redirect.addFlashAttribute("problem", "notes: 1 to " + MAX_NOTES + " characters");
            return "redirect:/console/customers/" + customerId;
        }
        GeoPoint location = lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180 ? null
                : new GeoPoint(lat, lon);
        String id = visitId == null || visitId.isBlank() ? "visit-" + UUID.randomUUID() : visitId;
        try {
            Commands.Accepted<Object> accepted = commands.send(new RecordVisitCommand(new CustomerId(customerId), id,
                    time.parse(visitedAt), channel, text, blankToNull(outcome),
                    time.parse(nextFollowUpAt), location, intent, null, actor), actor);
            redirect.addFlashAttribute("notice", "visit-recorded");
            return "redirect:/console/customers/" + customerId + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/console/customers/" + customerId;
        }
    }

    @GetMapping("/console/inbox")
    String inbox(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("actor", actor);
        model.addAttribute("inbox", ConsoleController.inbox(reads, actor, 100, minPosition));
        return "inbox";
    }

    /** Marks an item done; from htmx (the page stays, the item goes) an empty answer, else back to the inbox. */
    @PostMapping("/console/inbox/{inboxItemId}/done")
    String done(@PathVariable String inboxItemId,
                @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx) {
        Actor actor = currentActor.get();
        Commands.Accepted<Object> accepted = commands.send(new MarkInboxItemDoneCommand(inboxItemId, actor), actor);
        return htmx != null ? "empty" : "redirect:/console/inbox?minPosition=" + accepted.position();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
