package com.customerledger.query.visit;

import com.customerledger.events.DealCreditMovedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.GeoPoint;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.query.PendingDocuments;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What reps do with customers: the visit timeline and the deals, one document per visit or deal
 * keyed by customer and client id, so a redelivered event rewrites the same document. Written, like the
 * other projections' documents, once per batch ({@link PendingDocuments}).
 */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class ActivityProjection {

    public static final String VISITS = "visits";
    public static final String DEALS = "deals";

    @Document(VISITS)
    @CompoundIndex(name = "timeline", def = "{'customerId': 1, 'visitedAt': -1, '_id': -1}")
    @CompoundIndex(name = "in_period", def = "{'visitedAt': 1, 'repId': 1}")
    static class VisitDocument {
        @Id
        String id;
        String visitId;
        String customerId;
        String repId;
        Instant visitedAt;
        VisitChannel channel;
        String notes;
        String outcome;
        Instant nextFollowUpAt;
        GeoPoint location;
        String recordedBy;
        Instant recordedAt;
        com.customerledger.events.VisitIntent intent;
        com.customerledger.events.SampleRequest sampleRequest;
    }

    @Document(DEALS)
    @CompoundIndex(name = "of_customer", def = "{'customerId': 1, 'closedAt': 1}")
    @CompoundIndex(name = "in_period", def = "{'closedAt': 1}")
    @CompoundIndex(name = "deals_of_customer", def = "{'customerId': 1, 'closedAt': -1, '_id': -1}")
    static class DealDocument {
        @Id
        String id;
        String dealId;
        String customerId;
        String productLine;
        BigDecimal amount;
        BigDecimal margin;
        Instant closedAt;
        String creditedRepId;
    }

    private final MongoTemplate mongo;

    public ActivityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(VisitRecordedEvent event, @Timestamp Instant recordedAt) {
        VisitDocument visit = new VisitDocument();
        visit.id = key(event.customerId(), event.visitId());
        visit.visitId = event.visitId();
        visit.customerId = event.customerId();
        visit.repId = event.repId();
        visit.visitedAt = event.visitedAt();
        visit.channel = event.channel();
        visit.notes = event.notes();
        visit.outcome = event.outcome();
        visit.nextFollowUpAt = event.nextFollowUpAt();
        visit.location = event.location();
        visit.recordedBy = event.recordedBy();
        visit.recordedAt = recordedAt;
        visit.intent = event.intent();
        visit.sampleRequest = event.sampleRequest();
        PendingDocuments.save(mongo, visit);
    }

    @EventHandler
    void on(DealRecordedEvent event) {
        DealDocument deal = new DealDocument();
        deal.id = key(event.customerId(), event.dealId());
        deal.dealId = event.dealId();
        deal.customerId = event.customerId();
        deal.productLine = event.productLine();
        deal.amount = event.amount();
        deal.margin = event.margin();
        deal.closedAt = event.closedAt();
        deal.creditedRepId = event.creditedRepId();
        PendingDocuments.save(mongo, deal);
    }

    /** A reversal moved the deal's credit; setting it again on a redelivery changes nothing. */
    @EventHandler
    void on(DealCreditMovedEvent event) {
        PendingDocuments.setField(mongo, DealDocument.class, key(event.customerId(), event.dealId()), "creditedRepId",
                event.toRepId());
    }

    /** A visit's or deal's document id: the client's id is unique only within its customer. */
    private static String key(String customerId, String id) {
        return customerId + "/" + id;
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, VisitDocument.class, DealDocument.class);
    }

    @QueryHandler
    VisitPage handle(FindVisitsQuery query) {
        Query ofCustomer = Query.query(Criteria.where("customerId").is(query.customerId()));
        long total = mongo.count(ofCustomer, VisitDocument.class);
        List<VisitView> items = mongo.find(ofCustomer.with(Sort.by(Sort.Direction.DESC, "visitedAt", "_id"))
                        .skip(query.page().offset()).limit(query.page().size()), VisitDocument.class).stream()
                .map(v -> new VisitView(v.visitId, v.customerId, v.repId, v.visitedAt, v.channel, v.notes, v.outcome,
                        v.nextFollowUpAt, v.location, v.recordedBy, v.recordedAt, v.intent, v.sampleRequest)).toList();
        return new VisitPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    DealPage handle(FindDealsQuery query) {
        Query ofCustomer = Query.query(Criteria.where("customerId").is(query.customerId()));
        long total = mongo.count(ofCustomer, DealDocument.class);
        List<DealView> items = mongo.find(ofCustomer.with(Sort.by(Sort.Direction.DESC, "closedAt", "_id"))
                        .skip(query.page().offset()).limit(query.page().size()), DealDocument.class).stream()
                .map(d -> new DealView(d.dealId, d.customerId, d.productLine, d.amount, d.margin, d.closedAt,
                        d.creditedRepId)).toList();
        return new DealPage(items, query.page().page(), query.page().size(), total);
    }

    /** The deals of a customer closed since {@code since}. */
    public DealsSummary dealsSince(String customerId, Instant since) {
        List<DealDocument> deals = mongo.find(Query.query(Criteria.where("customerId").is(customerId)
                .and("closedAt").gte(since)), DealDocument.class);
        return new DealsSummary(since, deals.size(),
                deals.stream().map(d -> d.amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                deals.stream().map(d -> d.margin).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
