package com.customerledger.query.credit;

import com.customerledger.events.Decision;
import com.customerledger.events.credit.CreditLimitRequestDecidedEvent;
import com.customerledger.events.credit.CreditLimitRequestedEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.order.OrderProjection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

/**
 * Credit-limit requests and the credit accounts they make: the limit in force is the last approved request's.
 * Part of the customers projection (a customer's credit belongs to its 360 view), in a collection of its own.
 */
@Component
@ProcessingGroup(Projections.CUSTOMERS)
public class CreditProjection {

    static final String PENDING = "PENDING";

    @Document("credit_requests")
    @CompoundIndex(name = "customer_decided", def = "{'customerId': 1, 'status': 1, 'decidedAt': -1}")
    @CompoundIndex(name = "status_requested", def = "{'status': 1, 'requestedAt': 1}")
    @CompoundIndex(name = "requested", def = "{'requestedAt': 1}")
    static class RequestDocument extends SequencedDocument {
        String customerId;
        BigDecimal limit;
        int paymentTermDays;
        String reason;
        String requestedBy;
        Instant requestedAt;
        String status;
        String decidedBy;
        Instant decidedAt;
        String note;

        CreditRequestView toView() {
            return new CreditRequestView(id, customerId, limit, paymentTermDays, reason, requestedBy, requestedAt, status,
                    decidedBy, decidedAt, note);
        }
    }

    private final MongoTemplate mongo;

    public CreditProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CreditLimitRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, RequestDocument.class, event.requestId(), sequence, recordedAt, RequestDocument::new,
                document -> {
                    document.customerId = event.customerId();
                    document.limit = event.limit();
                    document.paymentTermDays = event.paymentTermDays();
                    document.reason = event.reason();
                    document.requestedBy = event.requestedBy();
                    document.requestedAt = recordedAt;
                    document.status = PENDING;
                });
    }

    @EventHandler
    void on(CreditLimitRequestDecidedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, RequestDocument.class, event.requestId(), sequence, recordedAt, null, document -> {
            document.status = event.decision() == Decision.APPROVE ? "APPROVED" : "REJECTED";
            document.decidedBy = event.decidedBy();
            document.decidedAt = recordedAt;
            document.note = event.note();
        });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, RequestDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    CreditAccountView handle(FindCreditAccountQuery query) {
        List<CreditRequestView> history = mongo.find(Query.query(Criteria.where("customerId").is(query.customerId()))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt")), RequestDocument.class).stream()
                .map(RequestDocument::toView).toList();
        Optional<CreditRequestView> inForce = history.stream().filter(request -> "APPROVED".equals(request.status()))
                .max(java.util.Comparator.comparing(CreditRequestView::decidedAt));
        BigDecimal limit = inForce.map(CreditRequestView::limit).orElse(BigDecimal.ZERO);
        OrderProjection.Totals orders = OrderProjection.totals(mongo, query.customerId(), query.now());
        return new CreditAccountView(query.customerId(), limit, inForce.map(CreditRequestView::paymentTermDays).orElse(0),
                inForce.map(CreditRequestView::requestId).orElse(null), orders.outstanding(), orders.reserved(),
                limit.subtract(orders.outstanding()).subtract(orders.reserved()), orders.overdue(), orders.oldestDueAt(),
                history);
    }

    @QueryHandler
    Optional<CreditRequestView> handle(FindCreditRequestQuery query) {
        return Optional.ofNullable(mongo.findById(query.requestId(), RequestDocument.class)).map(RequestDocument::toView);
    }

    @QueryHandler
    CreditRequestPage handle(ListCreditRequestsQuery query) {
        Criteria criteria = new Criteria();
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        if (query.customerId() != null) {
            criteria = criteria.and("customerId").is(query.customerId());
        }
        Query requests = Query.query(criteria);
        long total = mongo.count(requests, RequestDocument.class);
        requests.with(Sort.by("requestedAt", "_id")).skip(query.page().offset()).limit(query.page().size());
        return new CreditRequestPage(mongo.find(requests, RequestDocument.class).stream().map(RequestDocument::toView).toList(),
                query.page().page(), query.page().size(), total);
    }
}
