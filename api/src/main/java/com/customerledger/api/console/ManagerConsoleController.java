package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.api.web.Problems;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.batch.BatchId;
import com.customerledger.command.batch.StartTransferBatchCommand;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.TransferCustomerCommand;
import com.customerledger.command.rep.DepartRepCommand;
import com.customerledger.command.rep.RepId;
import com.customerledger.events.CustomerFilterCriteria;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import com.customerledger.events.RepStatus;
import com.customerledger.events.TransferReason;
import com.customerledger.query.PageRequest;
import com.customerledger.query.analytics.CustomersByRegion;
import com.customerledger.query.analytics.CustomersByRegionQuery;
import com.customerledger.query.analytics.Leaderboard;
import com.customerledger.query.analytics.LeaderboardQuery;
import com.customerledger.query.batch.FindTransferBatchQuery;
import com.customerledger.query.batch.ListTransferBatchesQuery;
import com.customerledger.query.batch.TransferBatchPage;
import com.customerledger.query.batch.TransferBatchView;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.FindCustomerQuery;
import com.customerledger.query.customer.FindPortfolioQuery;
import com.customerledger.query.customer.PortfolioView;
import com.customerledger.query.customer.SearchCustomersQuery;
import com.customerledger.query.funnel.FunnelQuery;
import com.customerledger.query.funnel.FunnelView;
import com.customerledger.query.policy.FindPoolPolicyQuery;
import com.customerledger.query.policy.PoolPolicyView;
import com.customerledger.query.rep.ListRepsQuery;
import com.customerledger.query.rep.RepPage;
import com.customerledger.query.rep.RepView;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The manager's console (MANAGER, ADMIN; AUDITOR reads it without the forms): the team's portfolios with filters,
 * the public pool with assignment to a rep, a rep's departure and bulk transfers with their live progress, and the
 * funnel, customers by region and the leaderboard as charts. Everything goes through the API's queries and commands;
 * the aggregates refuse what a role may not do, and this controller refuses the pages to anyone else.
 */
@Controller
class ManagerConsoleController {

    /** The ids the API takes (its {@code Requests.ID}). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern REGION = Pattern.compile("[^/|]{1,50}(/[^/|]{1,50}){0,2}");
    private static final int MAX_REASON = 500;
    private static final int MAX_NOTE = 1000;
    private static final int PAGE_SIZE = 50;
    private static final int MAX_REPS = 2000;

    /** The filters of a list as the form sent them (kept to fill the form again) and as the query takes them. */
    record Filters(String grade, String type, String region) {

        public boolean any() {
            return grade != null || type != null || region != null;
        }

        CustomerFilter toFilter() {
            return new CustomerFilter(null, option(CustomerType.class, type, "type"), region, null, null,
                    option(Grade.class, grade, "grade"));
        }
    }

    /** A batch as its progress bar draws it: how far it got in percent, and whether it still runs (then the bar polls). */
    record Progress(TransferBatchView batch, long percent, boolean running) {

        static Progress of(TransferBatchView batch) {
            long percent = batch.total() == 0 ? 100 : (batch.total() - batch.pending()) * 100 / batch.total();
            return new Progress(batch, percent, !"COMPLETED".equals(batch.status()));
        }
    }

    /** A rep of the team with how many of their customers match the filters (their whole load without filters). */
    record TeamRow(RepView rep, long matching) {
    }

    private final CurrentActor currentActor;
    private final Reads reads;
    private final Commands commands;
    private final ConsoleTime time;
    private final Clock clock;

    ManagerConsoleController(CurrentActor currentActor, Reads reads, Commands commands, ConsoleTime time, Clock clock) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.commands = commands;
        this.time = time;
        this.clock = clock;
    }

    /** Managers and admins, and auditors to read: the API lets exactly these read reps' books, batches and reports. */
    private Actor overseer(Model model) {
        Actor actor = currentActor.get();
        if (!actor.actsForCompany() && !actor.roles().contains(Role.AUDITOR)) {
            throw new ForbiddenException("the team pages are for managers, admins and auditors");
        }
        model.addAttribute("actor", actor);
        model.addAttribute("mayWrite", actor.actsForCompany());
        return actor;
    }

    /** Only managers and admins write (the aggregates check it again). */
    private static void requireWriter(Actor actor) {
        if (!actor.actsForCompany()) {
            throw new ForbiddenException("only managers and admins transfer customers");
        }
    }

    // ---- the team's portfolios

    @GetMapping("/console/team")
    String team(@RequestParam(required = false) String repId, @RequestParam(required = false) String grade,
                @RequestParam(required = false) String type, @RequestParam(required = false) String region,
                @RequestParam(required = false, defaultValue = "0") int page, Model model) {
        Actor actor = overseer(model);
        Filters filters = filters(grade, type, region);
        CustomerFilter filter = filters.toFilter();
        List<RepView> team = team(actor);
        String rep = blankToNull(repId);
        model.addAttribute("filters", filters);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("team", team);
        model.addAttribute("repId", rep);
        if (rep == null) {
            model.addAttribute("rows", team.stream().map(member -> new TeamRow(member, filters.any()
                    ? portfolio(member.repId(), filter, new PageRequest(0, 1)).owned().total() : member.load())).toList());
            return "manager-team";
        }
        RepView chosen = team.stream().filter(member -> member.repId().equals(rep)).findFirst()
                .orElseThrow(() -> new ForbiddenException("rep " + rep + " is not in your team"));
        if (page < 0 || page > 100_000) {
            throw new IllegalArgumentException("page: 0 to 100000");
        }
        PortfolioView book = portfolio(rep, filter, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("rep", chosen);
        model.addAttribute("book", book);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (book.owned().total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "manager-team";
    }

    private PortfolioView portfolio(String repId, CustomerFilter filter, PageRequest page) {
        return reads.query(new FindPortfolioQuery(repId, filter, null, page), ResponseTypes.instanceOf(PortfolioView.class),
                null);
    }

    /**
     * The reps a user oversees: a manager who is also a rep (a team lead) those whose {@code managerRepId} is theirs;
     * any other manager, an admin or an auditor every rep.
     */
    private List<RepView> team(Actor actor) {
        List<RepView> reps = new ArrayList<>();
        for (int page = 0; reps.size() < MAX_REPS; page++) {
            RepPage batch = reads.query(new ListRepsQuery(new PageRequest(page, 200)), ResponseTypes.instanceOf(RepPage.class),
                    null);
            reps.addAll(batch.items());
            if (batch.items().size() < 200) {
                break;
            }
        }
        boolean lead = actor.repId() != null && !actor.roles().contains(Role.ADMIN) && !actor.roles().contains(Role.AUDITOR);
        return lead ? reps.stream().filter(rep -> actor.isRep(rep.managerRepId())).toList() : reps;
    }

    // ---- the pool

    @GetMapping("/console/team/pool")
    String pool(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String region, Model model) {
        Actor actor = overseer(model);
        Filters filters = filters(null, type, region);
        String text = blankToNull(q);
        if (text != null && text.length() > 200) {
            throw new IllegalArgumentException("search: at most 200 characters");
        }
        CustomerPage pool = reads.query(new SearchCustomersQuery(new CustomerFilter(text, filters.toFilter().type(),
                filters.region(), null, true, null), null, new PageRequest(0, 100)), ResponseTypes.instanceOf(CustomerPage.class),
                null);
        model.addAttribute("pool", pool);
        model.addAttribute("q", text);
        model.addAttribute("filters", filters);
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("receivers", team(actor).stream().filter(rep -> rep.status() == RepStatus.ACTIVE).toList());
        model.addAttribute("policy", reads.query(new FindPoolPolicyQuery(), ResponseTypes.instanceOf(PoolPolicyView.class),
                null));
        return "manager-pool";
    }

    /**
     * Gives a pool customer to a rep: a transfer (reason MANUAL) as {@code POST /api/customers/{id}/transfer} makes
     * it. Refused when the customer has left the pool since the page was drawn.
     */
    @PostMapping("/console/team/pool/{customerId}/assign")
    String assign(@PathVariable String customerId, @RequestParam(required = false) String toRepId, Model model,
                  RedirectAttributes redirect) {
        Actor actor = overseer(model);
        requireWriter(actor);
        String rep = blankToNull(toRepId);
        if (rep == null || !ID.matcher(rep).matches()) {
            redirect.addFlashAttribute("problem", "choose the rep who receives the customer");
            return "redirect:/console/team/pool";
        }
        CustomerView customer = reads.query(new FindCustomerQuery(customerId),
                ResponseTypes.optionalInstanceOf(CustomerView.class), null)
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        if (!customer.inPool()) {
            redirect.addFlashAttribute("problem", "customer " + customer.name() + " is no longer in the pool: "
                    + customer.ownerRepId() + " owns it");
            return "redirect:/console/team/pool";
        }
        try {
            Commands.Accepted<Object> accepted = commands.send(new TransferCustomerCommand(new CustomerId(customerId), rep,
                    TransferReason.MANUAL, null, null, "assigned from the pool", null, actor), actor);
            redirect.addFlashAttribute("notice", "assigned");
            return "redirect:/console/customers/" + customerId + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/console/team/pool";
        }
    }

    // ---- departures and bulk transfers

    @GetMapping("/console/team/transfers")
    String transfers(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = overseer(model);
        return transfersPage(actor, model, minPosition);
    }

    private String transfersPage(Actor actor, Model model, Long minPosition) {
        List<RepView> team = team(actor);
        model.addAttribute("departing", team.stream().filter(rep -> rep.status() != RepStatus.DEPARTED).toList());
        model.addAttribute("receivers", team.stream().filter(rep -> rep.status() == RepStatus.ACTIVE).toList());
        model.addAttribute("reasons", TransferReason.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("now", time.input(clock.instant()));
        model.addAttribute("batches", reads.query(new ListTransferBatchesQuery(new PageRequest(0, 20)),
                ResponseTypes.instanceOf(TransferBatchPage.class), minPosition));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "manager-transfers";
    }

    /** A rep leaves: {@code POST /api/reps/{repId}/departure} from a form. */
    @PostMapping("/console/team/departures")
    String depart(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Actor actor = overseer(model);
        requireWriter(actor);
        String repId = blankToNull(form.get("repId"));
        String successor = blankToNull(form.get("successorRepId"));
        String reason = blankToNull(form.get("reason"));
        try {
            requireId(repId, "the departing rep");
            if (successor != null) {
                requireId(successor, "the successor");
            }
            if (reason == null || reason.length() > MAX_REASON) {
                throw new IllegalArgumentException("reason: 1 to " + MAX_REASON + " characters");
            }
            Instant effectiveAt = instant(form.get("effectiveAt"), "effective time");
            String batchId = "dep-" + UUID.randomUUID();
            Commands.Accepted<String> accepted = commands.send(new DepartRepCommand(new RepId(repId), successor, reason,
                    effectiveAt, batchId, actor), actor);
            return "redirect:/console/team/transfers/" + batchId + "?minPosition=" + accepted.position();
        } catch (IllegalArgumentException | RejectedException | AggregateNotFoundException refused) {
            return refusedForm("departure", form, refused, actor, response, model);
        }
    }

    /** Many customers of one rep at once: {@code POST /api/transfers} from a form (no destination: by the rules). */
    @PostMapping("/console/team/transfers")
    String bulkTransfer(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Actor actor = overseer(model);
        requireWriter(actor);
        String from = blankToNull(form.get("fromRepId"));
        String to = blankToNull(form.get("toRepId"));
        try {
            requireId(from, "the rep whose customers move");
            if (to != null) {
                requireId(to, "the receiving rep");
            }
            Filters filters = filters(form.get("grade"), form.get("type"), form.get("region"));
            TransferReason reason = option(TransferReason.class, form.get("reason"), "reason");
            if (reason == null) {
                throw new IllegalArgumentException("reason: one of " + Arrays.toString(TransferReason.values()));
            }
            String note = blankToNull(form.get("note"));
            if (note != null && note.length() > MAX_NOTE) {
                throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters");
            }
            Instant effectiveAt = instant(form.get("effectiveAt"), "effective time");
            CustomerFilterCriteria criteria = filters.any() ? new CustomerFilterCriteria(filters.toFilter().type(),
                    region(filters.region()), filters.toFilter().grade()) : null;
            String batchId = "bulk-" + UUID.randomUUID();
            Commands.Accepted<Object> accepted = commands.send(new StartTransferBatchCommand(new BatchId(batchId), from, to,
                    to == null, criteria, reason, effectiveAt, note, actor), actor);
            return "redirect:/console/team/transfers/" + batchId + "?minPosition=" + accepted.position();
        } catch (IllegalArgumentException | RejectedException | AggregateNotFoundException refused) {
            return refusedForm("bulk", form, refused, actor, response, model);
        }
    }

    /** The transfers page again with the form as it was sent and what was wrong with it; nothing was stored. */
    private String refusedForm(String which, Map<String, String> form, RuntimeException refused, Actor actor,
                               HttpServletResponse response, Model model) {
        int status = refused instanceof RejectedException rejected ? Problems.statusOf(rejected.code()).value()
                : refused instanceof AggregateNotFoundException ? 404 : 400;
        response.setStatus(status);
        model.addAttribute("problem", refused instanceof AggregateNotFoundException unknown
                ? "no rep " + unknown.getAggregateIdentifier() : refused.getMessage());
        model.addAttribute("refusedForm", which);
        Map<String, String> kept = new LinkedHashMap<>(form);
        kept.remove("_csrf");
        model.addAttribute("form", kept);
        return transfersPage(actor, model, null);
    }

    @GetMapping("/console/team/transfers/{batchId}")
    String batch(@PathVariable String batchId, @RequestParam(required = false) Long minPosition, Model model) {
        overseer(model);
        model.addAttribute("progress", Progress.of(batchView(batchId, minPosition)));
        return "manager-batch";
    }

    /** The progress bar alone, which the batch page polls (htmx) until the batch is done. */
    @GetMapping("/console/team/transfers/{batchId}/progress")
    String progress(@PathVariable String batchId, Model model) {
        overseer(model);
        model.addAttribute("progress", Progress.of(batchView(batchId, null)));
        return "manager-batch :: progress";
    }

    private TransferBatchView batchView(String batchId, Long minPosition) {
        return reads.query(new FindTransferBatchQuery(batchId, new PageRequest(0, 200)),
                        ResponseTypes.optionalInstanceOf(TransferBatchView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("transfer batch", batchId));
    }

    // ---- charts

    @GetMapping("/console/team/charts")
    String charts(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String repId, Model model) {
        overseer(model);
        LocalDate today = LocalDate.ofInstant(clock.instant(), time.zone());
        LocalDate last = day(to, "to", today);
        LocalDate first = day(from, "from", last.minusDays(29));
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("'from' (" + first + ") comes after 'to' (" + last + ")");
        }
        String rep = blankToNull(repId);
        if (rep != null) {
            requireId(rep, "rep");
        }
        Instant start = first.atStartOfDay(time.zone()).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(time.zone()).toInstant();
        FunnelView funnel = reads.query(new FunnelQuery(start, end, rep, null, null), ResponseTypes.instanceOf(FunnelView.class),
                null);
        CustomersByRegion regions = reads.query(new CustomersByRegionQuery(), ResponseTypes.instanceOf(CustomersByRegion.class),
                null);
        Leaderboard leaderboard = reads.query(new LeaderboardQuery(start, end), ResponseTypes.instanceOf(Leaderboard.class),
                null);
        Map<String, Long> provinces = new TreeMap<>();
        regions.rows().forEach(row -> provinces.merge(row.province(), row.total(), Long::sum));
        model.addAttribute("from", first.toString());
        model.addAttribute("to", last.toString());
        model.addAttribute("repId", rep);
        model.addAttribute("funnel", funnel);
        model.addAttribute("regions", regions);
        model.addAttribute("provinces", provinces);
        model.addAttribute("leaderboard", leaderboard);
        model.addAttribute("chartData", Map.of(
                "funnel", Map.of("labels", funnel.stages().stream().map(stage -> stage.stage().name()).toList(),
                        "values", funnel.stages().stream().map(FunnelView.Stage::reached).toList()),
                "regions", Map.of("labels", List.copyOf(provinces.keySet()), "values", List.copyOf(provinces.values())),
                "leaderboard", Map.of("labels", leaderboard.rows().stream().map(Leaderboard.Row::repId).toList(),
                        "won", leaderboard.rows().stream().map(row -> amount(row.wonValue())).toList(),
                        "deals", leaderboard.rows().stream().map(row -> amount(row.dealAmount())).toList())));
        return "manager-charts";
    }

    private static double amount(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    // ---- form values

    private static Filters filters(String grade, String type, String region) {
        Filters filters = new Filters(blankToNull(grade), blankToNull(type), blankToNull(region));
        filters.toFilter();
        if (filters.region() != null && !REGION.matcher(filters.region()).matches()) {
            throw new IllegalArgumentException("region: province[/city[/county]], for example 山东省/潍坊市");
        }
        return filters;
    }

    private static Region region(String path) {
        if (path == null) {
            return null;
        }
        String[] parts = path.split("/");
        return new Region(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null, parts.length > 2 ? parts[2].trim() : null);
    }

    static <E extends Enum<E>> E option(Class<E> type, String value, String field) {
        String name = blankToNull(value);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(field + ": one of " + Arrays.toString(type.getEnumConstants()) + ", not '"
                    + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'");
        }
    }

    private static void requireId(String id, String what) {
        if (id == null) {
            throw new IllegalArgumentException("choose " + what);
        }
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + ": not a rep id");
        }
    }

    private Instant instant(String local, String what) {
        try {
            return time.parse(local);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException(what + ": not a date and time (" + local + ")");
        }
    }

    private static LocalDate day(String text, String what, LocalDate otherwise) {
        String value = blankToNull(text);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException bad) {
            throw new IllegalArgumentException(what + ": a date such as 2026-11-01, not '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
