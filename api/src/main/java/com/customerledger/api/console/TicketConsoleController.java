package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.ticket.ResolveTicketCommand;
import com.customerledger.command.ticket.RespondToTicketCommand;
import com.customerledger.command.ticket.TicketId;
import com.customerledger.query.PageRequest;
import com.customerledger.query.knowledge.ArticlePage;
import com.customerledger.query.knowledge.SearchArticlesQuery;
import com.customerledger.query.ticket.DeadlineView;
import com.customerledger.query.ticket.FindTicketQuery;
import com.customerledger.query.ticket.ListTicketsQuery;
import com.customerledger.query.ticket.TicketPage;
import com.customerledger.query.ticket.TicketView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The experts' ticket queue: an AGRONOMIST's open tickets, overdue first and then by the deadline that comes next
 * (in the ledger's zone), a ticket with its timeline and both deadlines, answering and resolving it citing a
 * knowledge-base article found by a search. Managers, admins and auditors read every open ticket here (the API lets
 * them); the answer and resolve forms are the assigned expert's, as the ticket itself decides.
 */
@Controller
class TicketConsoleController {

    private static final int MAX_TEXT = 5000;
    private static final int MAX_QUERY = 200;
    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> OPEN = Set.of("OPEN", "ASSIGNED", "IN_PROGRESS", "REOPENED");
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;

    /** A ticket in the queue with the deadline it is working against: the first response until met, then resolution. */
    record QueuedTicket(TicketView ticket, String deadline, DeadlineView due, boolean overdue) {

        static QueuedTicket of(TicketView ticket) {
            DeadlineView first = ticket.firstResponse();
            boolean answered = first == null || first.metAt() != null || first.dueAt() == null;
            DeadlineView due = answered ? ticket.resolution() : first;
            boolean overdue = (first != null && first.overdue()) || (ticket.resolution() != null && ticket.resolution().overdue());
            return new QueuedTicket(ticket, answered ? "RESOLUTION" : "FIRST_RESPONSE", due, overdue);
        }

        public Instant dueAt() {
            return due == null ? null : due.dueAt();
        }
    }

    /** Overdue first; then the deadline that comes soonest; tickets with no deadline (no service policy) last. */
    static final Comparator<QueuedTicket> BY_DEADLINE = Comparator.comparing((QueuedTicket queued) -> !queued.overdue())
            .thenComparing(QueuedTicket::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(queued -> queued.ticket().openedAt());

    private final CurrentActor currentActor;
    private final Reads reads;
    private final Commands commands;
    private final QueueTexts texts;

    TicketConsoleController(CurrentActor currentActor, Reads reads, Commands commands, QueueTexts texts) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.commands = commands;
        this.texts = texts;
    }

    /** Managers, admins and auditors read every ticket (as the API lets them). */
    private static boolean seesAll(Actor actor) {
        return actor.actsForCompany() || actor.roles().contains(Role.AUDITOR);
    }

    private static boolean isExpert(Actor actor) {
        return actor.roles().contains(Role.AGRONOMIST);
    }

    /** Experts open their queue; managers, admins and auditors read every open ticket. */
    static boolean opensQueue(Actor actor) {
        return isExpert(actor) || seesAll(actor);
    }

    private Actor queueUser() {
        Actor actor = currentActor.get();
        if (!opensQueue(actor)) {
            throw new ForbiddenException("the ticket queue is for experts, managers, auditors and admins");
        }
        return actor;
    }

    @GetMapping("/console/tickets")
    String queue(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = queueUser();
        // an expert's own tickets; everyone else here reads every open one
        String expert = isExpert(actor) && !seesAll(actor) ? actor.userId() : null;
        List<QueuedTicket> queue = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            TicketPage found = reads.query(new ListTicketsQuery(null, expert, null, null, null, null,
                    new PageRequest(page, PAGE)), ResponseTypes.instanceOf(TicketPage.class), page == 0 ? minPosition : null);
            found.items().stream().filter(ticket -> OPEN.contains(ticket.status())).map(QueuedTicket::of).forEach(queue::add);
            if ((long) (page + 1) * PAGE >= found.total()) {
                break;
            }
        }
        queue.sort(BY_DEADLINE);
        model.addAttribute("actor", actor);
        model.addAttribute("queue", queue);
        model.addAttribute("mine", expert != null);
        return "tickets";
    }

    @GetMapping("/console/tickets/{ticketId}")
    String ticket(@PathVariable String ticketId, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = queueUser();
        TicketView ticket = visibleTicket(actor, ticketId, minPosition);
        boolean assigned = isExpert(actor) && actor.userId().equals(ticket.assignedExpertId());
        boolean open = Set.of("ASSIGNED", "IN_PROGRESS", "REOPENED").contains(ticket.status());
        model.addAttribute("actor", actor);
        model.addAttribute("queued", QueuedTicket.of(ticket));
        model.addAttribute("ticket", ticket);
        model.addAttribute("mayRespond", assigned && open);
        model.addAttribute("mayResolve", assigned && Set.of("IN_PROGRESS", "REOPENED").contains(ticket.status()));
        model.addAttribute("q", q);
        model.addAttribute("articles", assigned && open ? articles(ticket, q, minPosition) : null);
        return "ticket";
    }

    /** The articles to cite, as an htmx fragment: those matching {@code q}, or those about the ticket's crop and species. */
    @GetMapping("/console/tickets/{ticketId}/articles")
    String articleList(@PathVariable String ticketId, @RequestParam(required = false) String q, Model model) {
        Actor actor = queueUser();
        TicketView ticket = visibleTicket(actor, ticketId, null);
        model.addAttribute("articles", articles(ticket, q, null));
        return "ticket-articles :: articles";
    }

    private ArticlePage articles(TicketView ticket, String q, Long minPosition) {
        String text = text(q);
        if (text != null && text.length() > MAX_QUERY) {
            throw new IllegalArgumentException("search: at most " + MAX_QUERY + " characters");
        }
        SearchArticlesQuery search = text != null ? new SearchArticlesQuery(text, null, null, new PageRequest(0, 20))
                : new SearchArticlesQuery(null, ticket.crop(), ticket.species(), new PageRequest(0, 20));
        return reads.query(search, ResponseTypes.instanceOf(ArticlePage.class), minPosition);
    }

    /** The ticket if the API would show it to this user: an expert those assigned to it, managers, admins, auditors any. */
    private TicketView visibleTicket(Actor actor, String ticketId, Long minPosition) {
        TicketView ticket = reads.query(new FindTicketQuery(ticketId), ResponseTypes.optionalInstanceOf(TicketView.class),
                minPosition).orElseThrow(() -> new NotFoundException("ticket", ticketId));
        if (!seesAll(actor) && !actor.userId().equals(ticket.assignedExpertId())) {
            throw new ForbiddenException("an expert reads the tickets assigned to it");
        }
        return ticket;
    }

    @PostMapping("/console/tickets/{ticketId}/responses")
    String respond(@PathVariable String ticketId, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Actor actor = expert();
        String text = text(note);
        if (text == null || text.length() > MAX_TEXT) {
            redirect.addFlashAttribute("problem", texts.required("answer", MAX_TEXT));
            return "redirect:/console/tickets/" + ticketId;
        }
        return send(new RespondToTicketCommand(new TicketId(ticketId), text, actor), actor, ticketId, "ticket-answered",
                redirect);
    }

    @PostMapping("/console/tickets/{ticketId}/resolve")
    String resolve(@PathVariable String ticketId, @RequestParam(required = false) String resolution,
                   @RequestParam(required = false) String articleId, RedirectAttributes redirect) {
        Actor actor = expert();
        String text = text(resolution);
        String article = text(articleId);
        if (text == null || text.length() > MAX_TEXT) {
            redirect.addFlashAttribute("problem", texts.required("resolution", MAX_TEXT));
            return "redirect:/console/tickets/" + ticketId;
        }
        if (article != null && !ARTICLE_ID.matcher(article).matches()) {
            redirect.addFlashAttribute("problem", texts.say("problem.article-id"));
            return "redirect:/console/tickets/" + ticketId;
        }
        return send(new ResolveTicketCommand(new TicketId(ticketId), text, article, actor), actor, ticketId,
                "ticket-resolved", redirect);
    }

    private Actor expert() {
        Actor actor = currentActor.get();
        if (!isExpert(actor)) {
            throw new ForbiddenException("tickets are answered and resolved by their expert");
        }
        return actor;
    }

    private String send(Object command, Actor actor, String ticketId, String notice, RedirectAttributes redirect) {
        try {
            Commands.Accepted<Object> accepted = commands.send(command, actor);
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/console/tickets/" + ticketId + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/console/tickets/" + ticketId;
        }
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
