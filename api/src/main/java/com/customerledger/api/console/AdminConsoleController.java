package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.Problems;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.assignment.AssignmentPreview;
import com.customerledger.command.assignment.AssignmentRules;
import com.customerledger.command.assignment.PreviewAssignmentQuery;
import com.customerledger.command.assignment.PublishAssignmentPolicyCommand;
import com.customerledger.command.grading.GradingRecompute;
import com.customerledger.command.grading.SetGradingPolicyCommand;
import com.customerledger.command.pool.SetPoolPolicyCommand;
import com.customerledger.command.ticket.SetServicePolicyCommand;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerType;
import com.customerledger.events.GradeThreshold;
import com.customerledger.events.ticket.TicketSeverity;
import com.customerledger.query.policy.AssignmentPolicyVersions;
import com.customerledger.query.policy.AssignmentPolicyView;
import com.customerledger.query.policy.FindAssignmentPolicyQuery;
import com.customerledger.query.policy.FindGradingPolicyQuery;
import com.customerledger.query.policy.FindPoolPolicyQuery;
import com.customerledger.query.policy.FindServicePolicyQuery;
import com.customerledger.query.policy.GradingPolicyView;
import com.customerledger.query.policy.ListAssignmentPolicyVersionsQuery;
import com.customerledger.query.policy.PoolPolicyView;
import com.customerledger.query.policy.ServicePolicyView;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's policy pages: the assignment rules as a form, previewed over every registered customer (who would
 * move, each rep's load before and after) and published as a new version only after that preview; the grading
 * thresholds (and regrading every customer), the pool rules and the service desk's deadlines. MANAGER and AUDITOR read them (as the API lets
 * them), without forms; a REP has no business here. Everything goes through the API's queries and commands.
 */
@Controller
class AdminConsoleController {

    /** The preview list's length on the page; with a focus on one rep, the changes searched for it. */
    static final int SHOWN = 200;
    static final int SEARCHED = 10_000;
    private static final String PREVIEWED = AdminConsoleController.class.getName() + ".previewed";

    /** The draft an admin last previewed in this session, against which version of the rules, under which id. */
    record Previewed(String previewId, int version, List<AssignmentRule> rules) {
    }

    /** A preview as the page shows it: the query's result and the changes shown (all, or those of the focused rep). */
    record Shown(AssignmentPreview.Result result, List<AssignmentPreview.Change> changes, String focus) {
    }

    private final CurrentActor currentActor;
    private final Reads reads;
    private final Commands commands;
    private final GradingRecompute recompute;

    AdminConsoleController(CurrentActor currentActor, Reads reads, Commands commands, GradingRecompute recompute) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.commands = commands;
        this.recompute = recompute;
    }

    /** Who may read the policies: as {@code GET /api/policies/**} (ADMIN, MANAGER, AUDITOR). */
    private Actor reader() {
        Actor actor = currentActor.get();
        if (!actor.roles().contains(Role.ADMIN) && !actor.roles().contains(Role.MANAGER)
                && !actor.roles().contains(Role.AUDITOR)) {
            throw new ForbiddenException("the policies are read by admins, managers and auditors");
        }
        return actor;
    }

    /** Who may change them: as every other method on {@code /api/policies/**} (ADMIN). */
    private Actor admin() {
        Actor actor = currentActor.get();
        if (!actor.roles().contains(Role.ADMIN)) {
            throw new ForbiddenException("only admins change the policies");
        }
        return actor;
    }

    // --- the assignment rules ---------------------------------------------------------------------------------------

    @GetMapping("/console/admin/assignment")
    String assignment(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = reader();
        AssignmentPolicyView current = currentRules(minPosition);
        return assignmentPage(model, actor, current, RuleForm.of(current.rules()), null);
    }

    @PostMapping("/console/admin/assignment/preview")
    String preview(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String focus,
                   HttpSession session, HttpServletResponse response, Model model) {
        Actor actor = admin();
        AssignmentPolicyView current = currentRules(null);
        RuleForm rules = RuleForm.posted(form);
        RuleForm.Reading reading = rules.read();
        String rep = focus == null || focus.isBlank() ? null : focus.trim();
        model.addAttribute("focus", rep);
        if (!reading.ok()) {
            response.setStatus(400);
            model.addAttribute("errors", reading.errors());
            return assignmentPage(model, actor, current, rules.withEmptyRow(), null);
        }
        List<AssignmentRule> draft = AssignmentRules.named(reading.rules());
        AssignmentPreview.Result result = reads.query(new PreviewAssignmentQuery(draft, rep == null ? SHOWN : SEARCHED),
                ResponseTypes.instanceOf(AssignmentPreview.Result.class), null);
        List<AssignmentPreview.Change> changes = rep == null ? result.changes() : result.changes().stream()
                .filter(change -> rep.equals(change.currentOwnerRepId()) || rep.equals(change.proposedOwnerRepId()))
                .limit(SHOWN).toList();
        Previewed previewed = new Previewed(UUID.randomUUID().toString(), current.version(), draft);
        session.setAttribute(PREVIEWED, previewed);
        model.addAttribute("previewId", previewed.previewId());
        return assignmentPage(model, actor, current, RuleForm.of(draft), new Shown(result, changes, rep));
    }

    /** Publishes the draft this session last previewed, if it is the one the page showed and nobody published since. */
    @PostMapping("/console/admin/assignment/publish")
    String publish(@RequestParam(required = false) String previewId, HttpSession session, HttpServletResponse response,
                   Model model, RedirectAttributes redirect) {
        Actor actor = admin();
        AssignmentPolicyView current = currentRules(null);
        Previewed previewed = session.getAttribute(PREVIEWED) instanceof Previewed last ? last : null;
        if (previewed == null || !Objects.equals(previewed.previewId(), previewId)) {
            response.setStatus(409);
            model.addAttribute("errors", List.of("preview the rules before publishing them: this is not the draft last previewed"));
            return assignmentPage(model, actor, current, RuleForm.of(current.rules()), null);
        }
        if (previewed.version() != current.version()) {
            response.setStatus(409);
            model.addAttribute("errors", List.of("version " + current.version() + " was published after your preview (of "
                    + "version " + previewed.version() + "): preview the draft again"));
            return assignmentPage(model, actor, current, RuleForm.of(previewed.rules()), null);
        }
        try {
            Commands.Accepted<Integer> accepted = commands.send(PublishAssignmentPolicyCommand.of(previewed.rules(), actor),
                    actor);
            session.removeAttribute(PREVIEWED);
            redirect.addFlashAttribute("notice", "rules-published");
            return "redirect:/console/admin/assignment?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            response.setStatus(status(refused));
            model.addAttribute("errors", List.of(refused.getMessage()));
            return assignmentPage(model, actor, current, RuleForm.of(previewed.rules()).withEmptyRow(), null);
        }
    }

    private AssignmentPolicyView currentRules(Long minPosition) {
        return reads.query(new FindAssignmentPolicyQuery(), ResponseTypes.instanceOf(AssignmentPolicyView.class), minPosition);
    }

    private String assignmentPage(Model model, Actor actor, AssignmentPolicyView current, RuleForm form, Shown preview) {
        List<AssignmentPolicyView> versions = new ArrayList<>(reads.query(new ListAssignmentPolicyVersionsQuery(),
                ResponseTypes.instanceOf(AssignmentPolicyVersions.class), null).versions());
        java.util.Collections.reverse(versions);
        model.addAttribute("actor", actor);
        model.addAttribute("admin", actor.roles().contains(Role.ADMIN));
        model.addAttribute("current", current);
        model.addAttribute("rows", form.rows());
        model.addAttribute("versions", versions);
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("strategies", AssignmentStrategy.values());
        model.addAttribute("preview", preview);
        return "admin-assignment";
    }

    // --- grading and pool policies ----------------------------------------------------------------------------------

    private static final List<String> GRADES = List.of("S", "A", "B");
    private static final List<String> THRESHOLDS = List.of("minVolume", "minMargin", "minActiveMonths");
    private static final List<String> POOL = List.of("daysWithoutVisit", "daysWithoutDeal", "reminderDaysBefore");
    private static final List<String> SERVICE = List.of("firstResponse", "resolution");

    @GetMapping("/console/admin/policies")
    String policies(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = reader();
        GradingPolicyView grading = grading(minPosition);
        PoolPolicyView pool = pool(minPosition);
        ServicePolicyView service = service(minPosition);
        return policiesPage(model, actor, grading, gradingForm(grading), pool, poolForm(pool), service, serviceForm(service));
    }

    @PostMapping("/console/admin/policies/grading")
    String setGrading(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        Actor actor = admin();
        Map<String, String> typed = new LinkedHashMap<>();
        GRADES.forEach(grade -> THRESHOLDS.forEach(field -> typed.put(grade + "." + field,
                Objects.requireNonNullElse(form.getFirst(grade + "." + field), "").trim())));
        List<String> errors = new ArrayList<>();
        Map<String, GradeThreshold> thresholds = new LinkedHashMap<>();
        for (String grade : GRADES) {
            BigDecimal volume = amount(typed.get(grade + ".minVolume"), grade + ": minimum volume", false, errors);
            BigDecimal margin = amount(typed.get(grade + ".minMargin"), grade + ": minimum margin", true, errors);
            Integer months = whole(typed.get(grade + ".minActiveMonths"), grade + ": active months", 0, 12, errors);
            if (volume != null && margin != null && months != null) {
                thresholds.put(grade, new GradeThreshold(volume, margin, months));
            }
        }
        String sent = setPolicy(() -> SetGradingPolicyCommand.of(thresholds.get("S"), thresholds.get("A"),
                thresholds.get("B"), actor), actor, "grading-set", errors, response, redirect);
        if (sent != null) {
            return sent;
        }
        model.addAttribute("gradingErrors", errors);
        PoolPolicyView pool = pool(null);
        ServicePolicyView service = service(null);
        return policiesPage(model, actor, grading(null), typed, pool, poolForm(pool), service, serviceForm(service));
    }

    @PostMapping("/console/admin/policies/grading/recompute")
    String recompute(@RequestParam(defaultValue = "false") boolean includeManual, RedirectAttributes redirect) {
        Actor actor = admin();
        GradingRecompute.Result result = recompute.run(actor, includeManual, "recompute-" + UUID.randomUUID());
        redirect.addFlashAttribute("recomputed", result);
        redirect.addFlashAttribute("notice", "regraded");
        return "redirect:/console/admin/policies?minPosition=" + commands.headPosition();
    }

    @PostMapping("/console/admin/policies/pool")
    String setPool(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model,
                   RedirectAttributes redirect) {
        Actor actor = admin();
        Map<String, String> typed = new LinkedHashMap<>();
        POOL.forEach(field -> typed.put(field, Objects.requireNonNullElse(form.getFirst(field), "").trim()));
        List<String> errors = new ArrayList<>();
        Integer visit = whole(typed.get("daysWithoutVisit"), "days without a visit", 1, 3650, errors);
        Integer deal = whole(typed.get("daysWithoutDeal"), "days without a deal", 1, 3650, errors);
        Integer reminder = whole(typed.get("reminderDaysBefore"), "days of warning before", 0, 3650, errors);
        String sent = setPolicy(() -> SetPoolPolicyCommand.of(visit, deal, reminder, actor), actor, "pool-set", errors,
                response, redirect);
        if (sent != null) {
            return sent;
        }
        model.addAttribute("poolErrors", errors);
        GradingPolicyView grading = grading(null);
        ServicePolicyView service = service(null);
        return policiesPage(model, actor, grading, gradingForm(grading), pool(null), typed, service, serviceForm(service));
    }

    /** The service desk's deadlines per severity, ISO-8601 durations (PT4H, P2D); the policy checks each of them. */
    @PostMapping("/console/admin/policies/service")
    String setService(@RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        Actor actor = admin();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<TicketSeverity, String> firstResponse = new java.util.EnumMap<>(TicketSeverity.class);
        Map<TicketSeverity, String> resolution = new java.util.EnumMap<>(TicketSeverity.class);
        List<String> errors = new ArrayList<>();
        for (TicketSeverity severity : TicketSeverity.values()) {
            for (String deadline : SERVICE) {
                String field = deadline + "." + severity;
                String text = Objects.requireNonNullElse(form.getFirst(field), "").trim();
                typed.put(field, text);
                if (text.isEmpty() || text.length() > 40) {
                    errors.add(field + ": a duration such as PT4H or P2D (at most 40 characters)");
                } else {
                    (deadline.equals("firstResponse") ? firstResponse : resolution).put(severity, text.toUpperCase());
                }
            }
        }
        String sent = setPolicy(() -> SetServicePolicyCommand.of(firstResponse, resolution, actor), actor, "service-set",
                errors, response, redirect);
        if (sent != null) {
            return sent;
        }
        model.addAttribute("serviceErrors", errors);
        GradingPolicyView grading = grading(null);
        PoolPolicyView pool = pool(null);
        return policiesPage(model, actor, grading, gradingForm(grading), pool, poolForm(pool), service(null), typed);
    }

    /**
     * A policy form's command, sent when the form had no errors: the policies page again (once the reads have it)
     * with {@code notice}; or null, the status set and the ledger's refusal added to {@code errors}.
     */
    private String setPolicy(java.util.function.Supplier<Object> command, Actor actor, String notice, List<String> errors,
                             HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return null;
        }
        try {
            Commands.Accepted<Object> accepted = commands.send(command.get(), actor);
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/console/admin/policies?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            response.setStatus(status(refused));
            errors.add(refused.getMessage());
            return null;
        }
    }

    private GradingPolicyView grading(Long minPosition) {
        return reads.query(new FindGradingPolicyQuery(), ResponseTypes.instanceOf(GradingPolicyView.class), minPosition);
    }

    private ServicePolicyView service(Long minPosition) {
        return reads.query(new FindServicePolicyQuery(), ResponseTypes.instanceOf(ServicePolicyView.class), minPosition);
    }

    private PoolPolicyView pool(Long minPosition) {
        return reads.query(new FindPoolPolicyQuery(), ResponseTypes.instanceOf(PoolPolicyView.class), minPosition);
    }

    private String policiesPage(Model model, Actor actor, GradingPolicyView grading, Map<String, String> gradingForm,
                                PoolPolicyView pool, Map<String, String> poolForm, ServicePolicyView service,
                                Map<String, String> serviceForm) {
        model.addAttribute("actor", actor);
        model.addAttribute("admin", actor.roles().contains(Role.ADMIN));
        model.addAttribute("grading", grading);
        model.addAttribute("gradingForm", gradingForm);
        model.addAttribute("pool", pool);
        model.addAttribute("poolForm", poolForm);
        model.addAttribute("grades", GRADES);
        model.addAttribute("service", service);
        model.addAttribute("serviceForm", serviceForm);
        model.addAttribute("severities", TicketSeverity.values());
        return "admin-policies";
    }

    private static Map<String, String> gradingForm(GradingPolicyView view) {
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, GradeThreshold> byGrade = new LinkedHashMap<>();
        byGrade.put("S", view.s());
        byGrade.put("A", view.a());
        byGrade.put("B", view.b());
        byGrade.forEach((grade, threshold) -> {
            form.put(grade + ".minVolume", threshold == null ? "" : threshold.minVolume().toPlainString());
            form.put(grade + ".minMargin", threshold == null ? "" : threshold.minMargin().toPlainString());
            form.put(grade + ".minActiveMonths", threshold == null ? "" : String.valueOf(threshold.minActiveMonths()));
        });
        return form;
    }

    private static Map<String, String> serviceForm(ServicePolicyView view) {
        Map<String, String> form = new LinkedHashMap<>();
        for (TicketSeverity severity : TicketSeverity.values()) {
            form.put("firstResponse." + severity, view.firstResponse() == null ? ""
                    : Objects.requireNonNullElse(view.firstResponse().get(severity), ""));
            form.put("resolution." + severity, view.resolution() == null ? ""
                    : Objects.requireNonNullElse(view.resolution().get(severity), ""));
        }
        return form;
    }

    private static Map<String, String> poolForm(PoolPolicyView view) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("daysWithoutVisit", view.version() == 0 ? "" : String.valueOf(view.daysWithoutVisit()));
        form.put("daysWithoutDeal", view.version() == 0 ? "" : String.valueOf(view.daysWithoutDeal()));
        form.put("reminderDaysBefore", view.version() == 0 ? "" : String.valueOf(view.reminderDaysBefore()));
        return form;
    }

    /** An amount as the API takes it: at most 14 digits before the point and 2 after; negative only where allowed. */
    private static BigDecimal amount(String text, String what, boolean mayBeNegative, List<String> errors) {
        try {
            BigDecimal amount = new BigDecimal(text.replace(",", ""));
            if (amount.precision() - amount.scale() > 14 || amount.scale() > 2) {
                errors.add(what + ": at most 14 digits and 2 decimals");
                return null;
            }
            if (!mayBeNegative && amount.signum() < 0) {
                errors.add(what + ": must not be negative");
                return null;
            }
            return amount;
        } catch (NumberFormatException notANumber) {
            errors.add(what + ": '" + text + "' is not an amount");
            return null;
        }
    }

    private static Integer whole(String text, String what, int min, int max, List<String> errors) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                errors.add(what + ": from " + min + " to " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException notANumber) {
            errors.add(what + ": '" + text + "' is not a whole number");
            return null;
        }
    }

    static int status(RejectedException refused) {
        return Problems.statusOf(refused.code()).value();
    }
}
