package com.customerledger.query.analytics;

import com.customerledger.query.Decimals;
import com.customerledger.query.GroupCounts;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.customer.CustomerProjection;
import com.customerledger.query.funnel.FunnelProjection;
import com.customerledger.query.target.TargetProjection;
import com.customerledger.query.visit.ActivityProjection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Dashboard figures, read from the projections' collections (never written here). */
@Component
public class AnalyticsQueries {

    private final MongoTemplate mongo;

    public AnalyticsQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    @ReadsFrom(Projections.CUSTOMERS)
    CustomersByRegion handle(CustomersByRegionQuery query) {
        Map<String, Map<String, Long>> byType = new TreeMap<>();
        Map<String, Map<String, Long>> byGrade = new TreeMap<>();
        for (GroupCounts.Group group : GroupCounts.of(mongo, CustomerProjection.COLLECTION,
                "region.province", "region.city", "type", "grade")) {
            List<Object> values = group.values();
            String key = (values.get(0) == null ? "" : values.get(0)) + "|" + (values.get(1) == null ? "" : values.get(1));
            byType.computeIfAbsent(key, k -> new TreeMap<>()).merge(String.valueOf(values.get(2)), group.count(), Long::sum);
            byGrade.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(values.get(3) == null ? "UNGRADED" : values.get(3).toString(), group.count(), Long::sum);
        }
        List<CustomersByRegion.Row> rows = new ArrayList<>();
        byType.forEach((key, types) -> {
            String[] parts = key.split("\\|", -1);
            rows.add(new CustomersByRegion.Row(parts[0], parts[1], types.values().stream().mapToLong(Long::longValue).sum(),
                    types, byGrade.get(key)));
        });
        return new CustomersByRegion(rows);
    }

    @QueryHandler
    @ReadsFrom({Projections.FUNNEL, Projections.ACTIVITY})
    Leaderboard handle(LeaderboardQuery query) {
        Map<String, BigDecimal[]> amounts = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (Document won : mongo.find(Query.query(Criteria.where("stage").is("WON").and("closedAt").gte(query.from())
                .lt(query.to())), Document.class, FunnelProjection.COLLECTION)) {
            String rep = won.getString("repId");
            amounts.computeIfAbsent(rep, k -> zeros())[0] = amounts.get(rep)[0].add(Decimals.of(won.get("wonAmount")));
            counts.computeIfAbsent(rep, k -> new long[3])[0]++;
        }
        for (Document deal : mongo.find(Query.query(Criteria.where("closedAt").gte(query.from()).lt(query.to())),
                Document.class, ActivityProjection.DEALS)) {
            String rep = deal.getString("creditedRepId");
            amounts.computeIfAbsent(rep, k -> zeros())[1] = amounts.get(rep)[1].add(Decimals.of(deal.get("amount")));
            counts.computeIfAbsent(rep, k -> new long[3])[1]++;
        }
        for (Document visit : mongo.find(Query.query(Criteria.where("visitedAt").gte(query.from()).lt(query.to())),
                Document.class, ActivityProjection.VISITS)) {
            counts.computeIfAbsent(visit.getString("repId"), k -> new long[3])[2]++;
        }
        Map<String, BigDecimal> targets = query.period() == null ? Map.of() : TargetProjection.repTargets(mongo, query.period());
        targets.keySet().forEach(rep -> counts.computeIfAbsent(rep, k -> new long[3]));
        List<Leaderboard.Row> rows = counts.keySet().stream().filter(rep -> rep != null).map(rep -> {
            BigDecimal[] sums = amounts.getOrDefault(rep, zeros());
            long[] n = counts.get(rep);
            BigDecimal target = targets.get(rep);
            return new Leaderboard.Row(rep, sums[0], n[0], n[1], sums[1], n[2], target,
                    target == null ? null : TargetProjection.attainment(sums[1], target));
        }).sorted(Comparator.comparing(Leaderboard.Row::wonValue).reversed().thenComparing(Leaderboard.Row::repId)).toList();
        return new Leaderboard(query.from(), query.to(), rows);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
