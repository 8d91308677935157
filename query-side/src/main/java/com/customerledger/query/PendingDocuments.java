package com.customerledger.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The documents a projection changed in the batch of events it is handling (one Axon unit of work),
 * kept in memory and written once each, in one bulk write per collection, before the batch's
 * tracking token is stored. Each change is kept as the document's stored form (BSON), so the next
 * event of the same document in the batch starts from exactly what a read from the store would
 * have given, and a change that fails (the event is parked) leaves the last good form in place.
 */
public final class PendingDocuments {

    private static final String RESOURCE = PendingDocuments.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoTemplate mongo;
    /** Per collection, per id, the stored form as of the last event applied in this batch. */
    private final Map<String, Map<String, Document>> changed = new LinkedHashMap<>();

    private PendingDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The pending documents of the batch being handled, or null outside of a unit of work (a direct
     * call, e.g. from a test), where a change is written at once. The first use in a unit of work
     * registers a write of the pending documents before it commits, for units of work that store
     * no token (a retry of parked events); {@link #flushCurrent()} writes them earlier.
     */
    static PendingDocuments current(MongoTemplate mongo) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        String key = RESOURCE + "@" + System.identityHashCode(mongo);
        return unitOfWork.getOrComputeResource(key, ignored -> {
            PendingDocuments pending = new PendingDocuments(mongo);
            unitOfWork.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /**
     * Writes what the current unit of work's projections changed and not yet wrote. The token store
     * calls this before it stores a token, so a token on file is never ahead of its documents.
     */
    public static void flushCurrent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.resources().forEach((key, value) -> {
            if (value instanceof PendingDocuments pending) {
                pending.flush();
            }
        });
    }

    Document stored(String collection, String id) {
        Map<String, Document> documents = changed.get(collection);
        return documents == null ? null : documents.get(id);
    }

    void put(String collection, String id, Document stored) {
        changed.computeIfAbsent(collection, ignored -> new LinkedHashMap<>()).put(id, stored);
    }

    /**
     * {@code replacement} as the store keeps it after replacing {@code stored} with it: the embedded
     * server changes the stored document in place, so the fields it had keep their order, dropped ones
     * go and new ones follow. Applying several events to one document in memory must give the same
     * bytes as storing it after each event (replays are compared byte for byte), whatever the batches.
     */
    static Document replaced(Document stored, Document replacement) {
        if (stored == null) {
            return replacement;
        }
        Document result = new Document();
        for (String key : stored.keySet()) {
            if (replacement.containsKey(key)) {
                result.put(key, replacement.get(key));
            }
        }
        replacement.forEach(result::putIfAbsent);
        return result;
    }

    private void flush() {
        for (Map.Entry<String, Map<String, Document>> collection : changed.entrySet()) {
            List<WriteModel<Document>> writes = new ArrayList<>(collection.getValue().size());
            collection.getValue().forEach((id, document) ->
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT)));
            if (!writes.isEmpty()) {
                mongo.getCollection(collection.getKey()).bulkWrite(writes);
            }
        }
        changed.clear();
    }
}
