package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityAdvancedEvent;
import com.customerledger.events.OpportunityOpenedEvent;
import com.customerledger.events.OpportunityStage;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Opportunities and the sales funnel, timed by the events' own timestamps. An opportunity that
 * skipped a stage counts as having reached it (it went past it) but spent no time in it.
 */
@Component
@ProcessingGroup(Projections.FUNNEL)
public class FunnelProjection {

    public static final String COLLECTION = "opportunities";
    private static final List<OpportunityStage> FUNNEL = List.of(OpportunityStage.LEAD, OpportunityStage.VISITED,
            OpportunityStage.SAMPLE_SENT, OpportunityStage.QUOTED, OpportunityStage.WON);
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final MongoTemplate mongo;

    public FunnelProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OpportunityOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, OpportunityDocument.class, event.opportunityId(), sequence, recordedAt,
                OpportunityDocument::new, document -> {
                    document.customerId = event.customerId();
                    document.productLine = event.productLine();
                    document.expectedValue = event.expectedValue();
                    document.repId = event.repId();
                    if (event.region() != null) {
                        document.province = event.region().province();
                        document.city = event.region().city();
                        document.county = event.region().county();
                    }
                    document.openedAt = recordedAt;
                    document.stage = OpportunityStage.LEAD;
                    document.stages = new ArrayList<>(List.of(new StageEntry(OpportunityStage.LEAD, recordedAt)));
                });
    }

    @EventHandler
    void on(OpportunityAdvancedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, OpportunityDocument.class, event.opportunityId(), sequence, recordedAt, null,
                document -> {
                    document.stage = event.to();
                    document.stages.add(new StageEntry(event.to(), recordedAt));
                    if (event.to().closed()) {
                        document.closedAt = recordedAt;
                        document.wonAmount = event.amount();
                        document.lostReason = event.to() == OpportunityStage.LOST ? event.note() : null;
                    }
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, OpportunityDocument.class);
    }

    /** The open opportunities of a customer, oldest first. */
    public List<OpportunitySummary> openOf(String customerId) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId)
                        .and("stage").nin(OpportunityStage.WON, OpportunityStage.LOST)).with(Sort.by("openedAt")),
                OpportunityDocument.class).stream().map(o -> new OpportunitySummary(o.id(), o.productLine, o.stage,
                o.expectedValue, o.repId, o.openedAt)).toList();
    }

    @QueryHandler
    Optional<OpportunityView> handle(FindOpportunityQuery query) {
        return Optional.ofNullable(mongo.findById(query.opportunityId(), OpportunityDocument.class))
                .map(OpportunityDocument::toView);
    }

    @QueryHandler
    OpportunityPage handle(FindCustomerOpportunitiesQuery query) {
        Query ofCustomer = Query.query(Criteria.where("customerId").is(query.customerId()));
        long total = mongo.count(ofCustomer, OpportunityDocument.class);
        List<OpportunityView> items = mongo.find(ofCustomer.with(Sort.by(Sort.Direction.DESC, "openedAt", "_id"))
                        .skip(query.page().offset()).limit(query.page().size()), OpportunityDocument.class).stream()
                .map(OpportunityDocument::toView).toList();
        return new OpportunityPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    FunnelView handle(FunnelQuery query) {
        Criteria criteria = Criteria.where("openedAt").gte(query.from()).lt(query.to());
        if (query.repId() != null) {
            criteria = criteria.and("repId").is(query.repId());
        }
        if (query.productLine() != null) {
            criteria = criteria.and("productLine").is(query.productLine());
        }
        if (query.region() != null && !query.region().isBlank()) {
            String[] parts = query.region().split("/");
            String[] fields = {"province", "city", "county"};
            for (int i = 0; i < Math.min(parts.length, fields.length); i++) {
                criteria = criteria.and(fields[i]).is(parts[i].trim());
            }
        }
        List<OpportunityDocument> cohort = mongo.find(Query.query(criteria), OpportunityDocument.class);
        List<FunnelView.Stage> stages = new ArrayList<>();
        for (int i = 0; i < FUNNEL.size(); i++) {
            OpportunityStage stage = FUNNEL.get(i);
            long reached = reached(cohort, stage);
            Double conversion = i + 1 < FUNNEL.size() && reached > 0
                    ? round((double) reached(cohort, FUNNEL.get(i + 1)) / reached) : null;
            stages.add(new FunnelView.Stage(stage, reached, conversion, medianDaysIn(cohort, stage)));
        }
        long won = cohort.stream().filter(o -> o.stage == OpportunityStage.WON).count();
        long lost = cohort.stream().filter(o -> o.stage == OpportunityStage.LOST).count();
        BigDecimal wonValue = cohort.stream().filter(o -> o.wonAmount != null).map(o -> o.wonAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FunnelView(query.from(), query.to(), cohort.size(), stages, won, lost, wonValue);
    }

    private static long reached(List<OpportunityDocument> cohort, OpportunityStage stage) {
        return cohort.stream().filter(o -> o.furthest() >= stage.ordinal()).count();
    }

    /** Days between entering {@code stage} and entering the next stage, for those that moved on. */
    private static Double medianDaysIn(List<OpportunityDocument> cohort, OpportunityStage stage) {
        List<Double> days = new ArrayList<>();
        for (OpportunityDocument opportunity : cohort) {
            for (int i = 0; i + 1 < opportunity.stages.size(); i++) {
                if (opportunity.stages.get(i).stage() == stage) {
                    Duration spent = Duration.between(opportunity.stages.get(i).at(), opportunity.stages.get(i + 1).at());
                    days.add(spent.toMillis() / 1000.0 / SECONDS_PER_DAY);
                }
            }
        }
        if (days.isEmpty()) {
            return null;
        }
        days.sort(Double::compare);
        int middle = days.size() / 2;
        double median = days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2;
        return round(median);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
