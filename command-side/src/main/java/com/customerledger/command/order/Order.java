package com.customerledger.command.order;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.credit.CreditLedger;
import com.customerledger.command.pricing.PricingRules;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.Decision;
import com.customerledger.events.order.OrderApprovedEvent;
import com.customerledger.events.order.OrderAwaitingApprovalEvent;
import com.customerledger.events.order.OrderCancelledEvent;
import com.customerledger.events.order.OrderDeliveredEvent;
import com.customerledger.events.order.OrderDispatchedEvent;
import com.customerledger.events.order.OrderLine;
import com.customerledger.events.order.OrderRejectedEvent;
import com.customerledger.events.order.OrderStep;
import com.customerledger.events.order.OrderStepApprovedEvent;
import com.customerledger.events.order.OrderSubmittedEvent;
import com.customerledger.events.pricing.PolicyPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An order through its approvals: SUBMITTED, then PRICE (a unit price below policy waits for a manager), then
 * CREDIT (within the available credit it passes and reserves; above it, or with an overdue balance, it waits for
 * finance), APPROVED, DISPATCHED by the warehouse, DELIVERED. Rejected or cancelled, it holds no credit.
 */
@Aggregate
public class Order {

    enum Status { SUBMITTED, APPROVED, DISPATCHED, DELIVERED, REJECTED, CANCELLED }

    @AggregateIdentifier
    private String id;
    private OrderSubmittedEvent submitted;
    private Status status;
    private OrderStep waitingAt;
    private BigDecimal reserved = BigDecimal.ZERO;

    protected Order() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public OrderOutcome handle(SubmitOrderCommand command, RepBook reps, ProductCatalog catalog, PricingRules pricing,
                         CreditLedger credit, Clock clock) {
        RepBook.CustomerStanding customer = reps.customer(command.customerId()).orElseThrow(() -> RejectedException.of(
                ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId(), "customerId",
                command.customerId()));
        if (!customer.ordersFor(command.actor())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED,
                    "only the customer's owner, its editors, managers, admins and the dealer itself place its orders");
        }
        List<OrderLine> lines = new ArrayList<>();
        PricingRules.Policy policy = pricing.current();
        for (SubmitOrderCommand.Line line : command.lines()) {
            ProductCatalog.Entry product = catalog.find(line.productId()).orElseThrow(() -> RejectedException.of(
                    ErrorCode.PRODUCT_NOT_FOUND, "no product with id " + line.productId() + " in the catalogue",
                    "productId", line.productId()));
            PolicyPrice price = policy.price(product, customer.type(), customer.grade(), customer.region());
            lines.add(new OrderLine(product.productId(), product.productLine(), product.unit(), line.quantity(),
                    price.listPrice(), price.policyPrice(), price.ruleId(),
                    line.unitPrice() != null ? line.unitPrice() : price.policyPrice()));
        }
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        OrderSubmittedEvent event = new OrderSubmittedEvent(command.orderId().value(), command.customerId(),
                customer.ownerRepId(), lines, total, policy.version(), command.note(), command.actor().userId());
        if (submitted != null) {
            if (sameOrder(submitted, command)) {
                return outcome();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "order " + submitted.orderId()
                    + " already exists with other data", "existingOrderId", submitted.orderId());
        }
        apply(event);
        List<String> below = lines.stream().filter(OrderLine::belowPolicy).map(line -> line.productId() + " at "
                + line.unitPrice() + " (policy " + line.policyPrice() + ")").toList();
        if (!below.isEmpty()) {
            apply(new OrderAwaitingApprovalEvent(event.orderId(), event.customerId(), OrderStep.PRICE,
                    "below the policy price: " + String.join(", ", below)));
        } else {
            checkCredit(credit, clock);
        }
        return outcome();
    }

    private OrderOutcome outcome() {
        return new OrderOutcome(submitted.orderId(), status.name(), submitted.total(), waitingAt);
    }

    /** The same order again: the same customer, products, quantities and agreed prices. */
    private static boolean sameOrder(OrderSubmittedEvent first, SubmitOrderCommand again) {
        if (!first.customerId().equals(again.customerId()) || first.lines().size() != again.lines().size()) {
            return false;
        }
        for (int i = 0; i < first.lines().size(); i++) {
            OrderLine line = first.lines().get(i);
            SubmitOrderCommand.Line asked = again.lines().get(i);
            if (!line.productId().equals(asked.productId()) || line.quantity().compareTo(asked.quantity()) != 0
                    || (asked.unitPrice() != null && line.unitPrice().compareTo(asked.unitPrice()) != 0)) {
                return false;
            }
        }
        return true;
    }

    private void checkCredit(CreditLedger credit, Clock clock) {
        CreditLedger.Standing standing = credit.standing(submitted.customerId(), clock.instant());
        BigDecimal total = submitted.total();
        if (standing.overdue().signum() > 0) {
            apply(new OrderAwaitingApprovalEvent(submitted.orderId(), submitted.customerId(), OrderStep.CREDIT,
                    "an overdue balance of " + standing.overdue() + " is open"));
        } else if (total.compareTo(standing.available()) > 0) {
            apply(new OrderAwaitingApprovalEvent(submitted.orderId(), submitted.customerId(), OrderStep.CREDIT,
                    "total " + total + " exceeds the available credit " + standing.available()));
        } else {
            apply(new OrderApprovedEvent(submitted.orderId(), submitted.customerId(), total, false));
        }
    }

    @CommandHandler
    public void handle(DecideOrderStepCommand command, CreditLedger credit, Clock clock) {
        Actor actor = command.actor();
        Role decider = command.step() == OrderStep.PRICE ? Role.MANAGER : Role.FINANCE;
        if (!actor.roles().contains(decider) && !actor.roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "the " + command.step() + " step is decided by "
                    + decider + " or ADMIN");
        }
        if (status != Status.SUBMITTED || waitingAt != command.step()) {
            throw RejectedException.of(ErrorCode.ORDER_OUT_OF_ORDER, "order " + submitted.orderId() + " is " + describe()
                    + ", not waiting at " + command.step(), "orderStatus", status.name());
        }
        if (command.decision() == Decision.REJECT) {
            apply(new OrderRejectedEvent(submitted.orderId(), submitted.customerId(), command.step(), command.note(),
                    actor.userId()));
            return;
        }
        apply(new OrderStepApprovedEvent(submitted.orderId(), submitted.customerId(), command.step(), command.note(),
                actor.userId()));
        if (command.step() == OrderStep.PRICE) {
            checkCredit(credit, clock);
        } else {
            apply(new OrderApprovedEvent(submitted.orderId(), submitted.customerId(), submitted.total(), true));
        }
    }

    @CommandHandler
    public void handle(DispatchOrderCommand command) {
        Actor actor = command.actor();
        if (!actor.roles().contains(Role.WAREHOUSE) && !actor.roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the warehouse or an admin dispatches orders");
        }
        requireStatus(Status.APPROVED, "dispatched");
        apply(new OrderDispatchedEvent(submitted.orderId(), submitted.customerId(), command.waybill(), command.note(),
                actor.userId()));
    }

    @CommandHandler
    public void handle(DeliverOrderCommand command, RepBook reps, CreditLedger credit, Clock clock) {
        Actor actor = command.actor();
        boolean owner = reps.customer(submitted.customerId()).map(customer -> actor.isRep(customer.ownerRepId()))
                .orElse(false);
        if (!actor.roles().contains(Role.WAREHOUSE) && !actor.actsForCompany() && !owner
                && !actor.isDealerOf(submitted.customerId())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED,
                    "only the warehouse, the customer's owner, the dealer itself, a manager or an admin confirms a delivery");
        }
        requireStatus(Status.DISPATCHED, "delivered");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int term = credit.paymentTermDays(submitted.customerId());
        apply(new OrderDeliveredEvent(submitted.orderId(), submitted.customerId(), submitted.total(), now,
                now.plus(Duration.ofDays(term)), command.note(), actor.userId()));
    }

    @CommandHandler
    public void handle(CancelOrderCommand command, RepBook reps) {
        Actor actor = command.actor();
        boolean works = reps.customer(submitted.customerId()).map(customer -> customer.ordersFor(actor)).orElse(false);
        if (!works && !actor.userId().equals(submitted.submittedBy())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only who may place the customer's orders cancels one");
        }
        if (status != Status.SUBMITTED && status != Status.APPROVED) {
            throw RejectedException.of(ErrorCode.ORDER_OUT_OF_ORDER, "order " + submitted.orderId() + " is " + describe()
                    + " and can no longer be cancelled", "orderStatus", status.name());
        }
        apply(new OrderCancelledEvent(submitted.orderId(), submitted.customerId(), reserved, command.note(), actor.userId()));
    }

    private void requireStatus(Status expected, String doing) {
        if (status != expected) {
            throw RejectedException.of(ErrorCode.ORDER_OUT_OF_ORDER, "order " + submitted.orderId() + " is " + describe()
                    + "; only an order " + expected + " can be " + doing, "orderStatus", status.name());
        }
    }

    private String describe() {
        return status == Status.SUBMITTED && waitingAt != null ? "waiting at " + waitingAt : status.name();
    }

    @EventSourcingHandler
    void on(OrderSubmittedEvent event) {
        id = new OrderId(event.orderId()).toString();
        submitted = event;
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(OrderAwaitingApprovalEvent event) {
        waitingAt = event.step();
    }

    @EventSourcingHandler
    void on(OrderStepApprovedEvent event) {
        waitingAt = null;
    }

    @EventSourcingHandler
    void on(OrderApprovedEvent event) {
        status = Status.APPROVED;
        waitingAt = null;
        reserved = event.reserved();
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = Status.REJECTED;
        waitingAt = null;
    }

    @EventSourcingHandler
    void on(OrderDispatchedEvent event) {
        status = Status.DISPATCHED;
    }

    @EventSourcingHandler
    void on(OrderDeliveredEvent event) {
        status = Status.DELIVERED;
        reserved = BigDecimal.ZERO;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = Status.CANCELLED;
        reserved = BigDecimal.ZERO;
    }
}
