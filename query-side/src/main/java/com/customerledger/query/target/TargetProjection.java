package com.customerledger.query.target;

import com.customerledger.events.SalesPeriod;
import com.customerledger.events.target.SalesTargetSetEvent;
import com.customerledger.query.Decimals;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.visit.ActivityProjection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Sales targets, beside the deals they are measured by (part of the activity projection, so a target and its
 * actual are read at one position).
 */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class TargetProjection {

    public static final String COLLECTION = "sales_targets";

    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    @CompoundIndex(name = "period_rep", def = "{'period': 1, 'repId': 1}")
    static class TargetDocument extends SequencedDocument {
        String period;
        String repId;
        String customerId;
        BigDecimal amount;
        String setBy;
        Instant setAt;
    }

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public TargetProjection(MongoTemplate mongo, ZoneId zone) {
        this.zone = zone;
        this.mongo = mongo;
    }

    @EventHandler
    void on(SalesTargetSetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, TargetDocument.class, event.targetId(), sequence, recordedAt, TargetDocument::new,
                target -> {
                    target.period = event.period();
                    target.repId = event.repId();
                    target.customerId = event.customerId();
                    target.amount = event.amount();
                    target.setBy = event.setBy();
                    target.setAt = recordedAt;
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, TargetDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    Targets handle(ListTargetsQuery query) {
        SalesPeriod period = query.period();
        Criteria which = Criteria.where("period").is(period.toString());
        if (query.repId() != null) {
            which = which.and("repId").is(query.repId());
        }
        List<TargetView> items = mongo.find(Query.query(which), TargetDocument.class).stream()
                .map(target -> view(target, actual(mongo, period, zone, target.repId, target.customerId)))
                .sorted(Comparator.comparing((TargetView view) -> view.repId() == null)
                        .thenComparing(view -> view.repId() != null ? view.repId() : view.customerId()))
                .toList();
        return new Targets(period.toString(), period.from(zone), period.to(zone), items);
    }

    /** The targets set for reps in {@code period}, by rep (for the leaderboard). */
    public static java.util.Map<String, BigDecimal> repTargets(MongoTemplate mongo, SalesPeriod period) {
        java.util.Map<String, BigDecimal> targets = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("period").is(period.toString()).and("repId").ne(null)), TargetDocument.class)
                .forEach(target -> targets.put(target.repId, target.amount));
        return targets;
    }

    /** The attainment of a customer's own target for {@code period}; null without one (or with a target of 0). */
    public static BigDecimal customerAttainment(MongoTemplate mongo, SalesPeriod period, ZoneId zone, String customerId) {
        TargetDocument target = mongo.findById(SalesTargetSetEvent.idOf(period, null, customerId),
                TargetDocument.class);
        return target == null ? null : attainment(actual(mongo, period, zone, null, customerId), target.amount);
    }

    /** actual ÷ target to four places; null for a target of 0. */
    public static BigDecimal attainment(BigDecimal actual, BigDecimal target) {
        return target.signum() == 0 ? null : actual.divide(target, 4, RoundingMode.HALF_UP);
    }

    private static TargetView view(TargetDocument target, BigDecimal actual) {
        return new TargetView(target.id(), target.period, target.repId, target.customerId, target.amount, actual,
                attainment(actual, target.amount), target.setBy, target.setAt);
    }

    /** The amount of the deals closed in the period, credited to {@code repId} or of {@code customerId}. */
    static BigDecimal actual(MongoTemplate mongo, SalesPeriod period, ZoneId zone, String repId, String customerId) {
        Criteria deals = Criteria.where("closedAt").gte(period.from(zone)).lt(period.to(zone));
        deals = repId != null ? deals.and("creditedRepId").is(repId) : deals.and("customerId").is(customerId);
        Query amounts = Query.query(deals);
        amounts.fields().include("amount");
        BigDecimal sum = BigDecimal.ZERO;
        for (Document deal : mongo.find(amounts, Document.class, ActivityProjection.DEALS)) {
            sum = sum.add(Decimals.of(deal.get("amount")));
        }
        return sum;
    }
}
