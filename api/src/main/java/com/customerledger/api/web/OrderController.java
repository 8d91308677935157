package com.customerledger.api.web;

import static com.customerledger.api.web.Requests.ID;
import static com.customerledger.api.web.Requests.ID_MESSAGE;

import com.customerledger.api.security.CurrentActor;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.order.CancelOrderCommand;
import com.customerledger.command.order.DecideOrderStepCommand;
import com.customerledger.command.order.DeliverOrderCommand;
import com.customerledger.command.order.DispatchOrderCommand;
import com.customerledger.command.order.OrderId;
import com.customerledger.command.order.OrderOutcome;
import com.customerledger.command.order.SubmitOrderCommand;
import com.customerledger.events.Decision;
import com.customerledger.events.order.OrderStep;
import com.customerledger.query.order.FindOrderQuery;
import com.customerledger.query.order.ListOrdersQuery;
import com.customerledger.events.order.NextPurchase;
import com.customerledger.query.order.NextPurchaseQuery;
import com.customerledger.query.order.SalesQuery;
import com.customerledger.query.order.SalesReport;
import com.customerledger.query.order.OrderPage;
import com.customerledger.query.order.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders through their approvals: price, credit, dispatch by the warehouse, delivery; and cancelling one. */
@RestController
class OrderController {

    private final Commands commands;
    private final Reads reads;
    private final CurrentActor currentActor;
    private final CustomerAccess access;
    private final Clock clock;

    OrderController(Commands commands, Reads reads, CurrentActor currentActor, CustomerAccess access, Clock clock) {
        this.commands = commands;
        this.reads = reads;
        this.currentActor = currentActor;
        this.access = access;
        this.clock = clock;
    }

    record LineRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String productId,
                       @NotNull @Positive @Digits(integer = 9, fraction = 3) BigDecimal quantity,
                       @Positive @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"orderId\": \"so-2026-0412\", \"customerId\": \"c-lvyuan\", \"lines\": [{\"productId\": \"feed-pig-grower-40\", \"quantity\": 200}, {\"productId\": \"premix-layer-20\", \"quantity\": 30, \"unitPrice\": \"228.00\"}], \"note\": \"春节前送到\"}")
    record OrderRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String orderId,
                        @NotBlank @Size(max = 64) String customerId,
                        @NotEmpty @Size(max = 100) List<@NotNull @Valid LineRequest> lines,
                        @Size(max = 1000) String note) {
    }

    @Schema(description = "The body of this write; an unknown member is refused with 400.", example = "{\"step\": \"CREDIT\", \"decision\": \"APPROVE\", \"note\": \"老客户，下月回款\"}")
    record DecisionRequest(@NotNull OrderStep step, @NotNull Decision decision, @Size(max = 500) String note) {
    }

    @Schema(description = "The body of this write, which may be left out; an unknown member is refused with 400.", example = "{\"waybill\": \"SF1234567890\", \"note\": \"两车\"}")
    record StepRequest(@Size(max = 100) String waybill, @Size(max = 500) String note) {

        static final StepRequest NONE = new StepRequest(null, null);
    }

    record OrderSubmitted(String orderId, String status, BigDecimal total, List<OrderStep> pending, long position) {

        static OrderSubmitted of(OrderOutcome outcome, long position) {
            return new OrderSubmitted(outcome.orderId(), outcome.status(), outcome.total(),
                    outcome.waitingAt() == null ? List.of() : List.of(outcome.waitingAt()), position);
        }
    }

    record OrderWritten(String orderId, long position) {
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Place an order",
            description = "The customer's owner, an EDITOR collaborator, MANAGER, ADMIN, or the DEALER for itself. Lines are priced by the pricing "
                    + "policy; a unit price below the policy price waits for a manager (PRICE). Then credit: within the "
                    + "available credit the order is APPROVED and reserves it; above it, or with an overdue balance, it "
                    + "waits for finance (CREDIT). The answer says where it stands.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/orders")
    ResponseEntity<OrderSubmitted> submit(@Valid @RequestBody OrderRequest request) {
        Actor actor = currentActor.get();
        String id = request.orderId() != null ? request.orderId() : "so-" + UUID.randomUUID();
        List<SubmitOrderCommand.Line> lines = request.lines().stream()
                .map(line -> new SubmitOrderCommand.Line(line.productId(), line.quantity(), line.unitPrice())).toList();
        Commands.Accepted<OrderOutcome> accepted = commands.send(new SubmitOrderCommand(new OrderId(id), request.customerId(),
                lines, Requests.text(request.note()), actor), actor);
        return ResponseEntity.created(URI.create("/api/orders/" + id)).body(OrderSubmitted.of(accepted.result(),
                accepted.position()));
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Decide an order waiting for approval",
            description = "PRICE by MANAGER or ADMIN, CREDIT by FINANCE or ADMIN. Approving PRICE goes on to the credit "
                    + "check; approving CREDIT approves the order over its limit. Rejected, the order ends. An order not "
                    + "waiting at that step: 409 `order-out-of-order`.")
    @PostMapping("/api/orders/{orderId}/decision")
    OrderWritten decide(@PathVariable String orderId, @Valid @RequestBody DecisionRequest request) {
        Actor actor = currentActor.get();
        return written(orderId, commands.send(new DecideOrderStepCommand(new OrderId(orderId), request.step(),
                request.decision(), Requests.text(request.note()), actor), actor));
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Dispatch an approved order",
            description = "WAREHOUSE or ADMIN, with the waybill when there is one. Out of order: 409 `order-out-of-order`.")
    @PostMapping("/api/orders/{orderId}/dispatch")
    OrderWritten dispatch(@PathVariable String orderId, @Valid @RequestBody(required = false) StepRequest request) {
        Actor actor = currentActor.get();
        StepRequest step = request == null ? StepRequest.NONE : request;
        return written(orderId, commands.send(new DispatchOrderCommand(new OrderId(orderId), Requests.text(step.waybill()),
                Requests.text(step.note()), actor), actor));
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Confirm a delivery",
            description = "WAREHOUSE, the customer's owner, the DEALER itself, MANAGER or ADMIN, once dispatched. The total moves from reserved "
                    + "to outstanding, due after the customer's payment term.")
    @PostMapping("/api/orders/{orderId}/deliver")
    OrderWritten deliver(@PathVariable String orderId, @Valid @RequestBody(required = false) StepRequest request) {
        Actor actor = currentActor.get();
        StepRequest step = request == null ? StepRequest.NONE : request;
        return written(orderId, commands.send(new DeliverOrderCommand(new OrderId(orderId), Requests.text(step.note()),
                actor), actor));
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Cancel an order",
            description = "Whoever may place the customer's orders, before dispatch; the credit it held is free again. "
                    + "Dispatched or done: 409 `order-out-of-order`.")
    @PostMapping("/api/orders/{orderId}/cancel")
    OrderWritten cancel(@PathVariable String orderId, @Valid @RequestBody(required = false) StepRequest request) {
        Actor actor = currentActor.get();
        StepRequest step = request == null ? StepRequest.NONE : request;
        return written(orderId, commands.send(new CancelOrderCommand(new OrderId(orderId), Requests.text(step.note()),
                actor), actor));
    }

    @Operation(tags = ApiTags.ORDERS, summary = "Read an order",
            description = "Lines as priced, totals, status and every step with who, when and why. For whoever may read the "
                    + "customer, FINANCE, WAREHOUSE, and the DEALER for its own.")
    @GetMapping("/api/orders/{orderId}")
    OrderView order(@PathVariable String orderId, @RequestParam(required = false) @Min(0) Long minPosition) {
        OrderView order = reads.query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class),
                minPosition).orElseThrow(() -> new NotFoundException("order", orderId));
        if (!currentActor.get().roles().contains(Role.WAREHOUSE)) {
            access.visibleCustomer(order.customerId(), minPosition);
        }
        return order;
    }

    @Operation(tags = ApiTags.ORDERS, summary = "List orders",
            description = "Submitted in the period (default the last 30 days), newest first, by customer, rep (the owner "
                    + "when it was placed) and status. A REP sees only the orders of their own customers, a DEALER only its own.")
    @GetMapping("/api/orders")
    OrderPage list(@RequestParam(required = false) @Size(min = 1, max = 64) String customerId,
                   @RequestParam(required = false) @Size(min = 1, max = 64) String repId,
                   @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|APPROVED|DISPATCHED|DELIVERED|REJECTED|CANCELLED")
                   String status,
                   @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                   @Valid @ParameterObject PageParams page, @RequestParam(required = false) @Min(0) Long minPosition) {
        Actor actor = currentActor.get();
        String rep = Requests.text(repId);
        String customer = Requests.text(customerId);
        if (actor.roles().contains(Role.DEALER)) {
            if (rep != null || (customer != null && !actor.isDealerOf(customer))) {
                throw new ForbiddenException("a dealer lists only its own orders");
            }
            customer = actor.customerId();
        } else if (!CustomerAccess.seesEverything(actor) && !actor.roles().contains(Role.WAREHOUSE)) {
            if (rep != null && !actor.isRep(rep)) {
                throw new ForbiddenException("a rep lists only the orders of their own customers");
            }
            rep = actor.repId();
        }
        ReportingPeriod period = ReportingPeriod.of(from, to, clock);
        return reads.query(new ListOrdersQuery(customer, rep, status, period.from(), period.to(),
                page.toRequest()), ResponseTypes.instanceOf(OrderPage.class), minPosition);
    }

    @Operation(tags = ApiTags.ANALYTICS, summary = "Sales by product and product line",
            description = "What was delivered in [from, to) (default the last 30 days): units, yuan, orders and customers "
                    + "per product and per product line, and the repurchase rate (of the customers with a delivery in the "
                    + "period, the share with a second one in it); with `productLine`, only its lines and the orders with one. MANAGER, AUDITOR, ADMIN, FINANCE.")
    @GetMapping("/api/analytics/sales")
    SalesReport sales(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                      @RequestParam(required = false) @Size(min = 1, max = 64) String productLine,
                      @RequestParam(required = false) @Min(0) Long minPosition) {
        ReportingPeriod period = ReportingPeriod.of(from, to, clock);
        return reads.query(new SalesQuery(period.from(), period.to(), Requests.text(productLine)),
                ResponseTypes.instanceOf(SalesReport.class), minPosition);
    }

    @Operation(tags = ApiTags.ORDERS, summary = "When a customer will buy again",
            description = "From its deliveries (in the unit most of them came in): how fast it uses what it buys, so when "
                    + "its last delivery runs out (`expectedAt`), the median days between deliveries (`cycleDays`), what the "
                    + "estimate rests on and how sure it is (HIGH: four or more regular deliveries, MEDIUM: three or more, "
                    + "LOW: two, or one for a herd of known size and species bought by weight). With too little history, "
                    + "`expectedAt` is empty and `reason` says why. Whoever may read the customer.")
    @GetMapping("/api/customers/{customerId}/next-purchase")
    NextPurchase nextPurchase(@PathVariable String customerId, @RequestParam(required = false) @Min(0) Long minPosition) {
        access.visibleCustomer(customerId, minPosition);
        return reads.query(new NextPurchaseQuery(customerId), ResponseTypes.instanceOf(NextPurchase.class), minPosition);
    }

    private static OrderWritten written(String orderId, Commands.Accepted<?> accepted) {
        return new OrderWritten(orderId, accepted.position());
    }
}
