package com.customerledger.query.batch;

import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.RepDepartedEvent;
import com.customerledger.events.TransferBatchCompletedEvent;
import com.customerledger.events.TransferBatchItemNotMovedEvent;
import com.customerledger.events.TransferBatchStarted;
import com.customerledger.events.TransferReason;
import com.customerledger.query.GroupCounts;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Progress of departures and bulk transfers: one document per batch and one per item, so that a
 * batch of 10,000 customers is updated item by item. Every update sets a status, so redelivered
 * events change nothing; the counts are taken from the items when asked.
 */
@Component
@ProcessingGroup(Projections.BATCHES)
public class TransferBatchProjection {

    private static final String ITEMS = "transfer_batch_items";
    private static final String OWNED = "OWNED";
    private static final String COLLABORATION = "COLLABORATION";

    static final String NEWEST_FIRST = "newest_first";

    @Document("transfer_batches")
    @CompoundIndex(name = NEWEST_FIRST, def = "{'startedAt': -1, '_id': -1}")
    static class BatchDocument {
        @Id
        String id;
        String kind;
        String fromRepId;
        String toRepId;
        boolean byRules;
        TransferReason reason;
        String startedBy;
        Instant startedAt;
        String status;
        Instant completedAt;
    }

    @Document(ITEMS)
    @CompoundIndex(name = "of_batch", def = "{'batchId': 1, 'seq': 1}")
    @CompoundIndex(name = "progress", def = "{'batchId': 1, 'kind': 1, 'status': 1}")
    static class ItemDocument {
        @Id
        String id;
        String batchId;
        int seq;
        String customerId;
        String kind;
        String status;
        String toRepId;
        String detail;
    }

    private final MongoTemplate mongo;

    public TransferBatchProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(TransferBatchStarted started, @Timestamp Instant recordedAt) {
        if (mongo.findById(started.batchId(), BatchDocument.class) != null) {
            return;
        }
        List<ItemDocument> items = new ArrayList<>();
        int seq = 0;
        for (String customerId : started.customerIds()) {
            items.add(item(started.batchId(), seq++, customerId, OWNED));
        }
        for (String customerId : started.collaborations()) {
            items.add(item(started.batchId(), seq++, customerId, COLLABORATION));
        }
        if (!items.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("batchId").is(started.batchId())), ItemDocument.class);
            mongo.insertAll(items);
        }
        BatchDocument batch = new BatchDocument();
        batch.id = started.batchId();
        batch.kind = started instanceof RepDepartedEvent ? "DEPARTURE" : "BULK";
        batch.fromRepId = started.fromRepId();
        batch.toRepId = started.toRepId();
        batch.byRules = started.byRules();
        batch.reason = started.reason();
        batch.startedBy = started.startedBy();
        batch.startedAt = recordedAt;
        batch.status = "RUNNING";
        mongo.save(batch);
    }

    private static ItemDocument item(String batchId, int seq, String customerId, String kind) {
        ItemDocument item = new ItemDocument();
        item.id = batchId + "/" + kind + "/" + customerId;
        item.batchId = batchId;
        item.seq = seq;
        item.customerId = customerId;
        item.kind = kind;
        item.status = "PENDING";
        return item;
    }

    @EventHandler
    void on(OwnershipChange change) {
        if (change.batchId() != null) {
            settle(change.batchId(), OWNED, change.customerId(), change.newOwnerRepId() == null ? "UNASSIGNED" : "DONE",
                    change.newOwnerRepId(), change.newOwnerRepId() == null ? "released to the pool" : null);
        }
    }

    @EventHandler
    void on(CollaboratorRemovedEvent event) {
        if (event.batchId() != null) {
            settle(event.batchId(), COLLABORATION, event.customerId(), "DONE", null, null);
        }
    }

    @EventHandler
    void on(TransferBatchItemNotMovedEvent event) {
        settle(event.batchId(), event.kind().name(), event.customerId(), event.outcome().name(), null,
                event.code() + ": " + event.detail());
    }

    @EventHandler
    void on(TransferBatchCompletedEvent event, @Timestamp Instant recordedAt) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.batchId())),
                new Update().set("status", "COMPLETED").set("completedAt", recordedAt), BatchDocument.class);
    }

    private void settle(String batchId, String kind, String customerId, String status, String toRepId, String detail) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(batchId + "/" + kind + "/" + customerId)),
                new Update().set("status", status).set("toRepId", toRepId).set("detail", detail), ItemDocument.class);
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, BatchDocument.class, ItemDocument.class);
    }

    @QueryHandler
    Optional<TransferBatchView> handle(FindTransferBatchQuery query) {
        BatchDocument batch = mongo.findById(query.batchId(), BatchDocument.class);
        if (batch == null) {
            return Optional.empty();
        }
        Criteria ofBatch = Criteria.where("batchId").is(batch.id);
        List<ItemDocument> items = mongo.find(Query.query(ofBatch).with(Sort.by("seq")).skip(query.page().offset())
                .limit(query.page().size()), ItemDocument.class);
        Map<String, Map<String, Long>> counts = GroupCounts.table(GroupCounts.of(mongo, ITEMS,
                new org.bson.Document("batchId", batch.id), "kind", "status"), "", "");
        Map<String, Long> owned = counts.getOrDefault(OWNED, Map.of());
        Map<String, Long> collaboration = counts.getOrDefault(COLLABORATION, Map.of());
        return Optional.of(new TransferBatchView(batch.id, batch.kind, batch.fromRepId, batch.toRepId, batch.byRules,
                batch.reason, batch.startedBy, batch.startedAt, batch.status, batch.completedAt,
                total(owned), owned.getOrDefault("DONE", 0L), owned.getOrDefault("UNASSIGNED", 0L),
                owned.getOrDefault("UNCHANGED", 0L), owned.getOrDefault("FAILED", 0L), owned.getOrDefault("PENDING", 0L),
                total(collaboration), collaboration.getOrDefault("DONE", 0L),
                items.stream().map(item -> new TransferBatchItemView(item.customerId, item.kind, item.status, item.toRepId,
                        item.detail)).toList()));
    }

    @QueryHandler
    TransferBatchPage handle(ListTransferBatchesQuery query) {
        long total = mongo.count(new Query().withHint(NEWEST_FIRST), BatchDocument.class);
        List<BatchDocument> batches = mongo.find(new Query().withHint(NEWEST_FIRST)
                .with(Sort.by(Sort.Direction.DESC, "startedAt", "_id")).skip(query.page().offset())
                .limit(query.page().size()), BatchDocument.class);
        Map<String, Map<String, Long>> counts = batches.isEmpty() ? Map.of() : GroupCounts.table(GroupCounts.of(mongo, ITEMS,
                new org.bson.Document("batchId", new org.bson.Document("$in", batches.stream().map(b -> b.id).toList()))
                        .append("kind", OWNED), "batchId", "status"), "", "");
        return new TransferBatchPage(batches.stream().map(batch -> {
            Map<String, Long> owned = counts.getOrDefault(batch.id, Map.of());
            return new TransferBatchSummary(batch.id, batch.kind, batch.fromRepId, batch.toRepId, batch.byRules,
                    batch.reason, batch.startedBy, batch.startedAt, batch.status, batch.completedAt, total(owned),
                    owned.getOrDefault("PENDING", 0L));
        }).toList(), query.page().page(), query.page().size(), total);
    }

    private static long total(Map<String, Long> byStatus) {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
