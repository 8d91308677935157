package com.customerledger.query.rep;

import com.customerledger.events.RepDepartedEvent;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.RepStatus;
import com.customerledger.events.RepStatusChangedEvent;
import com.customerledger.events.RepTerritoryChangedEvent;
import com.customerledger.query.GroupCounts;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.customer.CustomerProjection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The reps as the company sees them. A rep's load is counted in the customer view when asked, so
 * it always agrees with the portfolio shown next to it.
 */
@Component
@ProcessingGroup(Projections.REPS)
public class RepProjection {

    private final MongoTemplate mongo;

    public RepProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(RepRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, RepDocument.class, event.repId(), sequence, recordedAt, RepDocument::new,
                document -> {
                    document.name = event.name();
                    document.regions = new ArrayList<>(event.regions());
                    document.productLines = new ArrayList<>(event.productLines());
                    document.customerTypes = new ArrayList<>(event.customerTypes());
                    document.capacity = event.capacity();
                    document.managerRepId = event.managerRepId();
                    document.status = RepStatus.ACTIVE;
                    document.registeredAt = recordedAt;
                });
    }

    @EventHandler
    void on(RepTerritoryChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.repId(), sequence, recordedAt, document -> {
            document.regions = new ArrayList<>(event.regions());
            document.productLines = new ArrayList<>(event.productLines());
            document.customerTypes = new ArrayList<>(event.customerTypes());
            document.capacity = event.capacity();
        });
    }

    @EventHandler
    void on(RepStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.repId(), sequence, recordedAt, document -> document.status = event.to());
    }

    @EventHandler
    void on(RepDepartedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.repId(), sequence, recordedAt, document -> document.status = RepStatus.DEPARTED);
    }

    private void update(String repId, long sequence, Instant recordedAt, Consumer<RepDocument> change) {
        SequencedDocument.apply(mongo, RepDocument.class, repId, sequence, recordedAt, null, change);
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, RepDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.CUSTOMERS)
    Optional<RepView> handle(FindRepQuery query) {
        return Optional.ofNullable(mongo.findById(query.repId(), RepDocument.class))
                .map(document -> document.toView(loadOf(document.id())));
    }

    @QueryHandler
    @ReadsFrom(Projections.CUSTOMERS)
    RepPage handle(ListRepsQuery query) {
        Query all = new Query().withHint("_id_");
        long total = mongo.count(all, RepDocument.class);
        all.with(Sort.by("_id")).skip(query.page().offset()).limit(query.page().size());
        List<RepDocument> reps = mongo.find(all, RepDocument.class);
        Map<Object, Long> loads = new HashMap<>();
        GroupCounts.of(mongo, CustomerProjection.COLLECTION,
                        new org.bson.Document("ownerRepId", new org.bson.Document("$in", reps.stream().map(RepDocument::id).toList())),
                        "ownerRepId")
                .forEach(group -> loads.put(group.values().get(0), group.count()));
        List<RepView> items = reps.stream().map(document -> document.toView(loads.getOrDefault(document.id(), 0L))).toList();
        return new RepPage(items, query.page().page(), query.page().size(), total);
    }

    private long loadOf(String repId) {
        return mongo.count(Query.query(Criteria.where("ownerRepId").is(repId)), CustomerProjection.COLLECTION);
    }
}
