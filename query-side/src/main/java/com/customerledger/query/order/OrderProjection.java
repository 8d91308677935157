package com.customerledger.query.order;

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
import com.customerledger.events.payment.PaymentAllocation;
import com.customerledger.events.payment.PaymentMethod;
import com.customerledger.events.payment.PaymentRecordedEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Orders with their lines and every step, and payments; part of the activity projection, next to the visits and deals. */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class OrderProjection {

    public static final String COLLECTION = "orders";

    @Document(COLLECTION)
    @CompoundIndex(name = "customer_submitted", def = "{'customerId': 1, 'submittedAt': -1}")
    @CompoundIndex(name = "owner_submitted", def = "{'ownerRepId': 1, 'submittedAt': -1}")
    @CompoundIndex(name = "status_submitted", def = "{'status': 1, 'submittedAt': -1}")
    @CompoundIndex(name = "submitted", def = "{'submittedAt': -1}")
    @CompoundIndex(name = "delivered", def = "{'status': 1, 'deliveredAt': 1}")
    static class OrderDocument extends SequencedDocument {
        String customerId;
        String ownerRepId;
        List<OrderLine> lines;
        BigDecimal total;
        int policyVersion;
        String note;
        String status;
        OrderStep waitingAt;
        BigDecimal reserved = BigDecimal.ZERO;
        boolean overLimit;
        String waybill;
        Instant dueAt;
        Instant deliveredAt;
        String submittedBy;
        Instant submittedAt;
        List<OrderView.Step> steps = new ArrayList<>();

        OrderView toView() {
            return new OrderView(id, customerId, ownerRepId, lines, total, policyVersion, note, status, waitingAt, reserved,
                    overLimit, waybill, dueAt, submittedBy, submittedAt, steps);
        }
    }

    @Document("payments")
    @CompoundIndex(name = "customer_recorded", def = "{'customerId': 1, 'recordedAt': -1}")
    static class PaymentDocument extends SequencedDocument {
        String customerId;
        BigDecimal amount;
        Instant receivedAt;
        PaymentMethod method;
        String orderId;
        String recordedBy;
        Instant recordedAt;

        PaymentView toView() {
            return new PaymentView(id, customerId, amount, receivedAt, method, orderId, recordedBy, recordedAt);
        }
    }

    private final MongoTemplate mongo;

    public OrderProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OrderSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, OrderDocument.class, event.orderId(), sequence, recordedAt, OrderDocument::new,
                order -> {
                    order.customerId = event.customerId();
                    order.ownerRepId = event.ownerRepId();
                    order.lines = event.lines();
                    order.total = event.total();
                    order.policyVersion = event.policyVersion();
                    order.note = event.note();
                    order.status = "SUBMITTED";
                    order.submittedBy = event.submittedBy();
                    order.submittedAt = recordedAt;
                    order.steps.add(new OrderView.Step("SUBMITTED", event.submittedBy(), recordedAt, event.note()));
                });
    }

    @EventHandler
    void on(OrderAwaitingApprovalEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.waitingAt = event.step();
            order.steps.add(new OrderView.Step("AWAITING_" + event.step(), null, recordedAt, event.reason()));
        });
    }

    @EventHandler
    void on(OrderStepApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.waitingAt = null;
            order.steps.add(new OrderView.Step(event.step() + "_APPROVED", event.approvedBy(), recordedAt, event.note()));
        });
    }

    @EventHandler
    void on(OrderApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.status = "APPROVED";
            order.waitingAt = null;
            order.reserved = event.reserved();
            order.overLimit = event.overLimit();
            order.steps.add(new OrderView.Step("APPROVED", null, recordedAt, "credit reserved: " + event.reserved()));
        });
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.status = "REJECTED";
            order.waitingAt = null;
            order.steps.add(new OrderView.Step(event.step() + "_REJECTED", event.rejectedBy(), recordedAt, event.note()));
        });
    }

    @EventHandler
    void on(OrderDispatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.status = "DISPATCHED";
            order.waybill = event.waybill();
            order.steps.add(new OrderView.Step("DISPATCHED", event.dispatchedBy(), recordedAt, event.note()));
        });
    }

    @EventHandler
    void on(OrderDeliveredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.status = "DELIVERED";
            order.reserved = BigDecimal.ZERO;
            order.dueAt = event.dueAt();
            order.deliveredAt = event.deliveredAt(); // business time, as the due date and the command side count it
            order.steps.add(new OrderView.Step("DELIVERED", event.deliveredBy(), recordedAt, event.note()));
        });
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        change(event.orderId(), sequence, recordedAt, order -> {
            order.status = "CANCELLED";
            order.waitingAt = null;
            order.reserved = BigDecimal.ZERO;
            order.steps.add(new OrderView.Step("CANCELLED", event.cancelledBy(), recordedAt, event.note()));
        });
    }

    @EventHandler
    void on(PaymentRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PaymentDocument.class, event.paymentId(), sequence, recordedAt, PaymentDocument::new,
                payment -> {
                    payment.customerId = event.customerId();
                    payment.amount = event.amount();
                    payment.receivedAt = event.receivedAt();
                    payment.method = event.method();
                    payment.orderId = event.orderId();
                    payment.recordedBy = event.recordedBy();
                    payment.recordedAt = recordedAt;
                });
    }

    private void change(String orderId, long sequence, Instant recordedAt, Consumer<OrderDocument> change) {
        SequencedDocument.apply(mongo, OrderDocument.class, orderId, sequence, recordedAt, null, change);
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, OrderDocument.class, PaymentDocument.class);
    }

    @QueryHandler
    PaymentPage handle(ListPaymentsQuery query) {
        Query payments = Query.query(Criteria.where("customerId").is(query.customerId()));
        long total = mongo.count(payments, PaymentDocument.class);
        payments.with(Sort.by(Sort.Direction.DESC, "recordedAt")).skip(query.page().offset()).limit(query.page().size());
        return new PaymentPage(mongo.find(payments, PaymentDocument.class).stream().map(PaymentDocument::toView).toList(),
                query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    Optional<OrderView> handle(FindOrderQuery query) {
        return Optional.ofNullable(mongo.findById(query.orderId(), OrderDocument.class)).map(OrderDocument::toView);
    }

    @QueryHandler
    OrderPage handle(ListOrdersQuery query) {
        Criteria criteria = Criteria.where("submittedAt").gte(query.from()).lt(query.to());
        if (query.customerId() != null) {
            criteria = criteria.and("customerId").is(query.customerId());
        }
        if (query.ownerRepId() != null) {
            criteria = criteria.and("ownerRepId").is(query.ownerRepId());
        }
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        Query orders = Query.query(criteria);
        long total = mongo.count(orders, OrderDocument.class);
        orders.with(Sort.by(Sort.Direction.DESC, "submittedAt")).skip(query.page().offset()).limit(query.page().size());
        return new OrderPage(mongo.find(orders, OrderDocument.class).stream().map(OrderDocument::toView).toList(),
                query.page().page(), query.page().size(), total);
    }

    /**
     * What a customer's orders hold and owe: approved and not yet delivered orders hold their reservation; delivered
     * ones are paid as {@link PaymentAllocation#replay} says, the same way the command side's credit checks count.
     */
    public static Totals totals(MongoTemplate mongo, String customerId, Instant now) {
        BigDecimal reserved = BigDecimal.ZERO;
        for (OrderDocument order : mongo.find(Query.query(Criteria.where("customerId").is(customerId)
                .and("status").in("APPROVED", "DISPATCHED")), OrderDocument.class)) {
            reserved = reserved.add(order.reserved);
        }
        PaymentAllocation.Result open = owed(mongo, customerId, null);
        BigDecimal overdue = open.open().stream().filter(item -> item.dueAt().isBefore(now)).map(PaymentAllocation.Open::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant oldestDue = open.open().stream().map(PaymentAllocation.Open::dueAt).min(Instant::compareTo).orElse(null);
        return new Totals(reserved, open.openTotal().subtract(open.advance()), overdue, oldestDue);
    }

    /**
     * What a customer owes, delivery by delivery, after its payments (the same allocation as the command side's
     * credit check), and what it paid in advance; with {@code asOf}, only the deliveries and payments the ledger had
     * recorded by then.
     */
    public static PaymentAllocation.Result owed(MongoTemplate mongo, String customerId, Instant asOf) {
        Criteria delivered = Criteria.where("customerId").is(customerId).and("status").is("DELIVERED");
        Criteria paid = Criteria.where("customerId").is(customerId);
        if (asOf != null) {
            delivered = delivered.and("deliveredAt").lte(asOf);
            paid = paid.and("recordedAt").lte(asOf);
        }
        List<PaymentAllocation.Delivery> deliveries = mongo.find(Query.query(delivered), OrderDocument.class).stream()
                .map(order -> new PaymentAllocation.Delivery(order.id(), order.total, order.deliveredAt, order.dueAt)).toList();
        List<PaymentAllocation.Received> payments = mongo.find(Query.query(paid), PaymentDocument.class).stream()
                .map(payment -> new PaymentAllocation.Received(new PaymentAllocation.Paid(payment.amount, payment.orderId),
                        payment.recordedAt)).toList();
        return PaymentAllocation.replay(deliveries, payments);
    }

    /** The lines of the orders delivered to a customer in [{@code from}, {@code to}), as rebate programs count them. */
    public static List<com.customerledger.events.rebate.RebateAccrual.Delivered> deliveredLines(MongoTemplate mongo,
                                                                                               String customerId,
                                                                                               Instant from, Instant to) {
        List<com.customerledger.events.rebate.RebateAccrual.Delivered> lines = new ArrayList<>();
        for (OrderDocument order : mongo.find(Query.query(Criteria.where("customerId").is(customerId).and("status")
                .is("DELIVERED").and("deliveredAt").gte(from).lt(to)), OrderDocument.class)) {
            order.lines.forEach(line -> lines.add(new com.customerledger.events.rebate.RebateAccrual.Delivered(
                    line.productLine(), line.quantity(), line.amount())));
        }
        return lines;
    }

    /** The customers that ever had an order delivered. */
    public static List<String> customersWithDeliveries(MongoTemplate mongo) {
        return mongo.findDistinct(Query.query(Criteria.where("status").is("DELIVERED")), "customerId", OrderDocument.class,
                String.class);
    }

    /** A customer's reserved, outstanding and overdue amounts, and when the oldest open amount is due. */
    public record Totals(BigDecimal reserved, BigDecimal outstanding, BigDecimal overdue, Instant oldestDueAt) {
    }
}
