package com.customerledger.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The documents a projection changed in the batch of events it is handling (one Axon unit of work),
 * kept in memory and written once each, in one bulk write per collection, before the batch's
 * tracking token is stored. Each change is kept as the document's stored form (BSON), so the next
 * event of the same document in the batch starts from exactly what a read from the store would
 * have given, and a change that fails (the event is parked) leaves the last good form in place.
 *
 * <p>Reads are batched too: the first document a batch needs from a collection fetches, with one
 * {@code $in} find, every document of that collection whose id is the aggregate id of an event in
 * the batch, with or without its kind (the documents fed by one aggregate's events mostly carry its
 * id); the ones not found are
 * known to be absent. Only a document keyed otherwise is read alone.
 *
 * <p>A document written whole without being read (a visit, a deal) is a replacement with an upsert,
 * exactly as a save; a change of some fields of a document the batch has not read is a {@code $set},
 * merged into the batch's pending form of that document if it has one. Either way, one write per
 * document per batch.
 */
public final class PendingDocuments {

    private static final String RESOURCE = PendingDocuments.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoTemplate mongo;
    /** The aggregate ids of the batch's events, in order: the ids a read of one collection fetches at once. */
    private final Set<String> aggregateIds;
    /** Per collection, per id, the stored form as of the last event applied in this batch. */
    private final Map<String, Map<String, Document>> changed = new LinkedHashMap<>();
    /** Per collection, per id, the fields to set on a document the batch did not read (no stored form known). */
    private final Map<String, Map<String, Document>> fieldSets = new LinkedHashMap<>();
    /** Per collection fetched in this batch, per id, the stored form as read at the batch's start; null if absent. */
    private final Map<String, Map<String, Document>> fetched = new HashMap<>();

    private PendingDocuments(MongoTemplate mongo, Set<String> aggregateIds) {
        this.mongo = mongo;
        this.aggregateIds = aggregateIds;
    }

    /** A batch of its own, outside of Axon (tests); {@link #flush()} writes it. */
    static PendingDocuments of(MongoTemplate mongo, List<? extends Message<?>> batch) {
        return new PendingDocuments(mongo, aggregateIdsOf(batch));
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
            // a retry of parked events handles each in a unit of work of no message of its own
            List<? extends Message<?>> batch = unitOfWork instanceof BatchingUnitOfWork<?> batching
                    ? batching.getMessages() : unitOfWork.getMessage() == null ? List.of() : List.of(unitOfWork.getMessage());
            PendingDocuments pending = new PendingDocuments(mongo, aggregateIdsOf(batch));
            unitOfWork.onPrepareCommit(u -> pending.flush());
            return pending;
        });
    }

    /**
     * Saves {@code document} whole, as {@link MongoTemplate#save(Object)} does (replaced, or inserted if
     * absent), in the current batch's bulk write; at once outside of a unit of work. For documents
     * that are written without being read, such as one per visit.
     */
    public static void save(MongoTemplate mongo, Object document) {
        PendingDocuments pending = current(mongo);
        if (pending == null) {
            mongo.save(document);
            return;
        }
        Document stored = new Document();
        // converted now: a document the store cannot hold fails (and parks) its own event
        mongo.getConverter().write(document, stored);
        Object id = stored.get("_id");
        if (id == null) {
            throw new IllegalArgumentException("a document saved in a batch needs its id: " + document.getClass().getSimpleName());
        }
        pending.replace(mongo.getCollectionName(document.getClass()), String.valueOf(id), stored);
    }

    /**
     * Sets one field of the document {@code id} of {@code type}, if it exists, as
     * {@code updateFirst(_id, $set)} does; in the current batch's bulk write, merged into the batch's
     * pending form of that document if it has one.
     */
    public static void setField(MongoTemplate mongo, Class<?> type, String id, String field, Object value) {
        PendingDocuments pending = current(mongo);
        if (pending == null) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    org.springframework.data.mongodb.core.query.Update.update(field, value), type);
            return;
        }
        Object stored = mongo.getConverter().convertToMongoType(value);
        pending.set(mongo.getCollectionName(type), id, field, stored);
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

    /**
     * The ids a batch's documents are likely keyed by: each event's aggregate id as the command side
     * spells it ({@code customer:c1}) and without its kind ({@code c1}), which is how most documents are
     * keyed. (Taking only the first, every customer document was read alone, once per event.)
     */
    private static Set<String> aggregateIdsOf(List<? extends Message<?>> batch) {
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> message : batch) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                String aggregateId = event.getAggregateIdentifier();
                ids.add(aggregateId);
                int kind = aggregateId.indexOf(':');
                if (kind > 0 && kind < aggregateId.length() - 1) {
                    ids.add(aggregateId.substring(kind + 1));
                }
            }
        }
        return ids;
    }

    /**
     * The document as the store holds it, with this batch's changes applied: its pending form, or what
     * the batch's read of the collection found; null if there is none.
     */
    Document stored(String collection, String id) {
        Map<String, Document> documents = changed.get(collection);
        Document pending = documents == null ? null : documents.get(id);
        if (pending != null) {
            return pending;
        }
        if (fieldSets.containsKey(collection) && fieldSets.get(collection).containsKey(id)) {
            throw new IllegalStateException("a document with fields set in this batch is not read back: " + collection + " " + id);
        }
        Map<String, Document> read = fetched.get(collection);
        if (read == null) {
            read = fetch(collection, id);
            fetched.put(collection, read);
        }
        if (!read.containsKey(id)) {
            read.put(id, mongo.findById(id, Document.class, collection));
        }
        return read.get(id);
    }

    /**
     * One find of every document of {@code collection} keyed by an aggregate id of the batch (and
     * {@code id}). Ids the store would keep as ObjectIds (24 hex digits) are left to be read alone,
     * so that a document is never taken for absent because its id came back spelled otherwise.
     */
    private Map<String, Document> fetch(String collection, String id) {
        List<String> ids = new ArrayList<>(aggregateIds.size() + 1);
        ids.add(id);
        aggregateIds.forEach(candidate -> {
            if (!candidate.equals(id)) {
                ids.add(candidate);
            }
        });
        ids.removeIf(ObjectId::isValid);
        Map<String, Document> read = new HashMap<>();
        if (ids.isEmpty()) {
            return read;
        }
        ids.forEach(candidate -> read.put(candidate, null));
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)) {
            read.put(String.valueOf(document.get("_id")), document);
        }
        return read;
    }

    /** The stored form of the document after this batch's change of it. */
    void put(String collection, String id, Document stored) {
        changed.computeIfAbsent(collection, ignored -> new LinkedHashMap<>()).put(id, stored);
    }

    /** The whole document, written without being read first, as a save writes it (replace, or insert if absent). */
    void replace(String collection, String id, Document document) {
        Map<String, Document> sets = fieldSets.get(collection);
        if (sets != null) {
            sets.remove(id);
        }
        put(collection, id, document);
    }

    /** Sets {@code field} on the document {@code id} if it exists, as an update of that one field would. */
    void set(String collection, String id, String field, Object value) {
        Map<String, Document> documents = changed.get(collection);
        Document pending = documents == null ? null : documents.get(id);
        if (pending != null) {
            pending.put(field, value);
            return;
        }
        fieldSets.computeIfAbsent(collection, ignored -> new LinkedHashMap<>())
                .computeIfAbsent(id, ignored -> new Document()).put(field, value);
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

    /** Writes the batch's changes, one bulk write per collection, and forgets what the batch read. */
    void flush() {
        Set<String> collections = new LinkedHashSet<>(changed.keySet());
        collections.addAll(fieldSets.keySet());
        for (String collection : collections) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            changed.getOrDefault(collection, Map.of()).forEach((id, document) ->
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT)));
            // a String id of 24 hex digits is stored as an ObjectId (Spring Data's mapping of String ids)
            fieldSets.getOrDefault(collection, Map.of()).forEach((id, fields) -> writes.add(new UpdateOneModel<>(
                    Filters.eq("_id", ObjectId.isValid(id) ? new ObjectId(id) : id), new Document("$set", fields))));
            if (!writes.isEmpty()) {
                mongo.getCollection(collection).bulkWrite(writes);
            }
        }
        changed.clear();
        fieldSets.clear();
        fetched.clear();
    }
}
