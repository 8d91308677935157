package com.customerledger.api.console;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.CustomerAccess;
import com.customerledger.api.web.ForbiddenException;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.credit.CreditRequestId;
import com.customerledger.command.credit.DecideCreditLimitRequestCommand;
import com.customerledger.command.order.DecideOrderStepCommand;
import com.customerledger.command.order.DeliverOrderCommand;
import com.customerledger.command.order.DispatchOrderCommand;
import com.customerledger.command.order.OrderId;
import com.customerledger.events.Decision;
import com.customerledger.events.order.OrderStep;
import com.customerledger.query.PageRequest;
import com.customerledger.query.credit.CreditAccountView;
import com.customerledger.query.credit.CreditRequestPage;
import com.customerledger.query.credit.CreditRequestView;
import com.customerledger.query.credit.FindCreditAccountQuery;
import com.customerledger.query.credit.FindCreditRequestQuery;
import com.customerledger.query.credit.ListCreditRequestsQuery;
import com.customerledger.query.order.FindOrderQuery;
import com.customerledger.query.order.ListOrdersQuery;
import com.customerledger.query.order.OrderPage;
import com.customerledger.query.order.OrderView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The approval queues: orders waiting at their price step (managers), at their credit step (finance), approved
 * ones to dispatch and dispatched ones to confirm (the warehouse), and credit-limit requests (finance). Each queue
 * is read with the API's queries and decided with its commands; the aggregates decide who may, the page only shows
 * the buttons of the steps the user's roles take. An auditor reads every queue and sees no buttons.
 */
@Controller
class ApprovalConsoleController {

    /** A decision's reason, as long as the API takes it. */
    static final int MAX_NOTE = 500;
    private static final int MAX_WAYBILL = 100;
    /** The queues are read a page at a time; this many pages at most (a queue longer than that shows its oldest part). */
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 10;

    /** The steps of an order a person takes, in the order an order meets them. */
    enum Queue {
        PRICE, CREDIT, DISPATCH, DELIVER;

        /** Who takes this step (ADMIN takes every one). */
        Role taker() {
            return switch (this) {
                case PRICE -> Role.MANAGER;
                case CREDIT -> Role.FINANCE;
                case DISPATCH, DELIVER -> Role.WAREHOUSE;
            };
        }

        /** The orders waiting at this step. */
        Predicate<OrderView> waiting() {
            return switch (this) {
                case PRICE -> order -> "SUBMITTED".equals(order.status()) && order.waitingAt() == OrderStep.PRICE;
                case CREDIT -> order -> "SUBMITTED".equals(order.status()) && order.waitingAt() == OrderStep.CREDIT;
                case DISPATCH -> order -> "APPROVED".equals(order.status());
                case DELIVER -> order -> "DISPATCHED".equals(order.status());
            };
        }

        String status() {
            return switch (this) {
                case PRICE, CREDIT -> "SUBMITTED";
                case DISPATCH -> "APPROVED";
                case DELIVER -> "DISPATCHED";
            };
        }

        static Queue waitingFor(OrderView order) {
            for (Queue queue : values()) {
                if (queue.waiting().test(order)) {
                    return queue;
                }
            }
            return null;
        }
    }

    /** One queue on the page: its orders, oldest first, and whether this user takes its step. */
    record OrderQueue(Queue queue, List<OrderView> orders, boolean acts) {
    }

    private final CurrentActor currentActor;
    private final Reads reads;
    private final Commands commands;
    private final CustomerAccess access;
    private final Clock clock;
    private final QueueTexts texts;

    ApprovalConsoleController(CurrentActor currentActor, Reads reads, Commands commands, CustomerAccess access, Clock clock,
                              QueueTexts texts) {
        this.currentActor = currentActor;
        this.reads = reads;
        this.commands = commands;
        this.access = access;
        this.clock = clock;
        this.texts = texts;
    }

    /** Whether the user takes this step (the aggregates refuse anyone else all the same). */
    static boolean takes(Actor actor, Queue queue) {
        return actor.roles().contains(Role.ADMIN) || actor.roles().contains(queue.taker());
    }

    static boolean decidesCredit(Actor actor) {
        return actor.roles().contains(Role.ADMIN) || actor.roles().contains(Role.FINANCE);
    }

    /** The queues a user sees: those of the steps it takes; an auditor's, all of them (read only). */
    static Set<Queue> queuesOf(Actor actor) {
        Set<Queue> queues = EnumSet.noneOf(Queue.class);
        for (Queue queue : Queue.values()) {
            if (takes(actor, queue) || actor.roles().contains(Role.AUDITOR)) {
                queues.add(queue);
            }
        }
        return queues;
    }

    /** Whether the user sees the credit-limit requests (the API: FINANCE, MANAGER, AUDITOR, ADMIN). */
    static boolean seesCreditRequests(Actor actor) {
        return decidesCredit(actor) || actor.roles().contains(Role.AUDITOR) || actor.roles().contains(Role.MANAGER);
    }

    private Actor approver() {
        Actor actor = currentActor.get();
        if (queuesOf(actor).isEmpty()) {
            throw new ForbiddenException("the approval queues are for managers, finance, the warehouse, auditors and admins");
        }
        return actor;
    }

    @GetMapping("/console/approvals")
    String queues(@RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = approver();
        List<OrderQueue> queues = new ArrayList<>();
        for (Queue queue : queuesOf(actor)) {
            queues.add(new OrderQueue(queue, waiting(queue, minPosition), takes(actor, queue)));
        }
        model.addAttribute("actor", actor);
        model.addAttribute("queues", queues);
        boolean creditRequests = seesCreditRequests(actor) && (decidesCredit(actor) || actor.roles().contains(Role.AUDITOR));
        model.addAttribute("creditRequests", creditRequests ? pendingCreditRequests(minPosition) : null);
        model.addAttribute("decidesCredit", decidesCredit(actor));
        return "approvals";
    }

    /** The orders waiting at a step, the longest waiting first. */
    private List<OrderView> waiting(Queue queue, Long minPosition) {
        List<OrderView> orders = new ArrayList<>();
        Instant to = clock.instant().plusSeconds(60);
        for (int page = 0; page < MAX_PAGES; page++) {
            OrderPage found = reads.query(new ListOrdersQuery(null, null, queue.status(), Instant.EPOCH, to,
                    new PageRequest(page, PAGE)), ResponseTypes.instanceOf(OrderPage.class), page == 0 ? minPosition : null);
            found.items().stream().filter(queue.waiting()).forEach(orders::add);
            if ((long) (page + 1) * PAGE >= found.total()) {
                break;
            }
        }
        orders.sort(Comparator.comparing(OrderView::submittedAt));
        return orders;
    }

    private List<CreditRequestView> pendingCreditRequests(Long minPosition) {
        CreditRequestPage page = reads.query(new ListCreditRequestsQuery("PENDING", null, new PageRequest(0, PAGE)),
                ResponseTypes.instanceOf(CreditRequestPage.class), minPosition);
        return page.items();
    }

    @GetMapping("/console/approvals/orders/{orderId}")
    String order(@PathVariable String orderId, @RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = approver();
        OrderView order = reads.query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class),
                minPosition).orElseThrow(() -> new NotFoundException("order", orderId));
        // what the API shows this user of the customer: its name and credit to those who read customers, nothing
        // of it to the warehouse (which reads orders only)
        boolean readsCustomer = CustomerAccess.seesEverything(actor);
        if (readsCustomer) {
            model.addAttribute("customer", access.visibleCustomer(order.customerId(), minPosition));
            model.addAttribute("credit", reads.query(new FindCreditAccountQuery(order.customerId(), clock.instant()),
                    ResponseTypes.instanceOf(CreditAccountView.class), minPosition));
        }
        Queue at = Queue.waitingFor(order);
        model.addAttribute("actor", actor);
        model.addAttribute("order", order);
        model.addAttribute("at", at);
        model.addAttribute("acts", at != null && takes(actor, at));
        return "approval-order";
    }

    @PostMapping("/console/approvals/orders/{orderId}/decision")
    String decide(@PathVariable String orderId, @RequestParam OrderStep step, @RequestParam Decision decision,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        Queue queue = step == OrderStep.PRICE ? Queue.PRICE : Queue.CREDIT;
        if (!takes(actor, queue)) {
            throw new ForbiddenException("the " + step + " step is decided by " + queue.taker() + " or ADMIN");
        }
        String reason = text(note);
        String problem = reasonProblem(decision, reason);
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/console/approvals/orders/" + orderId;
        }
        return send(new DecideOrderStepCommand(new OrderId(orderId), step, decision, reason, actor), actor, orderId,
                decision == Decision.APPROVE ? "approved" : "rejected", redirect);
    }

    @PostMapping("/console/approvals/orders/{orderId}/dispatch")
    String dispatch(@PathVariable String orderId, @RequestParam(required = false) String waybill,
                    @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        if (!takes(actor, Queue.DISPATCH)) {
            throw new ForbiddenException("only the warehouse or an admin dispatches orders");
        }
        String bill = text(waybill);
        String said = text(note);
        if ((bill != null && bill.length() > MAX_WAYBILL) || (said != null && said.length() > MAX_NOTE)) {
            redirect.addFlashAttribute("problem", bill != null && bill.length() > MAX_WAYBILL
                    ? texts.tooLong("waybill", MAX_WAYBILL) : texts.tooLong("note", MAX_NOTE));
            return "redirect:/console/approvals/orders/" + orderId;
        }
        return send(new DispatchOrderCommand(new OrderId(orderId), bill, said, actor), actor, orderId, "dispatched", redirect);
    }

    @PostMapping("/console/approvals/orders/{orderId}/deliver")
    String deliver(@PathVariable String orderId, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        if (!takes(actor, Queue.DELIVER)) {
            throw new ForbiddenException("deliveries are confirmed here by the warehouse or an admin");
        }
        String said = text(note);
        if (said != null && said.length() > MAX_NOTE) {
            redirect.addFlashAttribute("problem", texts.tooLong("note", MAX_NOTE));
            return "redirect:/console/approvals/orders/" + orderId;
        }
        return send(new DeliverOrderCommand(new OrderId(orderId), said, actor), actor, orderId, "delivered", redirect);
    }

    private String send(Object command, Actor actor, String orderId, String notice, RedirectAttributes redirect) {
        try {
            Commands.Accepted<Object> accepted = commands.send(command, actor);
            redirect.addFlashAttribute("notice", "order-" + notice);
            return "redirect:/console/approvals/orders/" + orderId + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return "redirect:/console/approvals/orders/" + orderId;
        }
    }

    @GetMapping("/console/approvals/credit-requests/{requestId}")
    String creditRequest(@PathVariable String requestId, @RequestParam(required = false) Long minPosition, Model model) {
        Actor actor = currentActor.get();
        if (!seesCreditRequests(actor)) {
            throw new ForbiddenException("credit-limit requests are read by finance, managers, auditors and admins");
        }
        CreditRequestView request = reads.query(new FindCreditRequestQuery(requestId),
                ResponseTypes.optionalInstanceOf(CreditRequestView.class), minPosition)
                .orElseThrow(() -> new NotFoundException("credit request", requestId));
        model.addAttribute("actor", actor);
        model.addAttribute("request", request);
        model.addAttribute("customer", access.visibleCustomer(request.customerId(), minPosition));
        model.addAttribute("credit", reads.query(new FindCreditAccountQuery(request.customerId(), clock.instant()),
                ResponseTypes.instanceOf(CreditAccountView.class), minPosition));
        boolean pending = "PENDING".equals(request.status());
        model.addAttribute("acts", pending && decidesCredit(actor) && !actor.userId().equals(request.requestedBy()));
        model.addAttribute("ownRequest", pending && decidesCredit(actor) && actor.userId().equals(request.requestedBy()));
        return "approval-credit";
    }

    @PostMapping("/console/approvals/credit-requests/{requestId}/decision")
    String decideCredit(@PathVariable String requestId, @RequestParam Decision decision,
                        @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        if (!decidesCredit(actor)) {
            throw new ForbiddenException("only finance or an admin decides credit limits");
        }
        String reason = text(note);
        String problem = reasonProblem(decision, reason);
        String back = "redirect:/console/approvals/credit-requests/" + requestId;
        if (problem != null) {
            redirect.addFlashAttribute("problem", problem);
            return back;
        }
        try {
            Commands.Accepted<Object> accepted = commands.send(new DecideCreditLimitRequestCommand(
                    new CreditRequestId(requestId), decision, reason, actor), actor);
            redirect.addFlashAttribute("notice", decision == Decision.APPROVE ? "credit-approved" : "credit-rejected");
            return back + "?minPosition=" + accepted.position();
        } catch (RejectedException refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
            return back;
        }
    }

    /** A rejection says why; a reason is at most {@link #MAX_NOTE} characters. Null when the reason will do. */
    private String reasonProblem(Decision decision, String reason) {
        if (decision == Decision.REJECT && reason == null) {
            return texts.say("problem.reason-required");
        }
        if (reason != null && reason.length() > MAX_NOTE) {
            return texts.tooLong("reason", MAX_NOTE);
        }
        return null;
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
