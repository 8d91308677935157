package com.customerledger.query.funnel;

import com.customerledger.events.OpportunityStage;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The sales forecast, from the funnel's opportunities (never written here). */
@Component
public class ForecastQueries {

    private final MongoTemplate mongo;

    public ForecastQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    @ReadsFrom(Projections.FUNNEL)
    Forecast handle(ForecastQuery query) {
        Criteria closed = Criteria.where("stage").in(OpportunityStage.WON, OpportunityStage.LOST).and("closedAt")
                .gte(query.from()).lt(query.to());
        Criteria open = Criteria.where("stage").in(Forecast.OPEN);
        if (query.repId() != null) {
            closed = closed.and("repId").is(query.repId());
            open = open.and("repId").is(query.repId());
        }
        if (query.productLine() != null) {
            closed = closed.and("productLine").is(query.productLine());
            open = open.and("productLine").is(query.productLine());
        }
        List<Forecast.Closed> learned = mongo.find(Query.query(closed), OpportunityDocument.class).stream()
                .map(o -> new Forecast.Closed(OpportunityStage.values()[o.furthest()], o.stage == OpportunityStage.WON))
                .toList();
        List<Forecast.Open> standing = mongo.find(Query.query(open), OpportunityDocument.class).stream()
                .map(o -> new Forecast.Open(o.stage, o.expectedValue)).toList();
        return Forecast.of(query.from(), query.to(), learned, standing, query.defaultRates(), query.minClosed());
    }
}
