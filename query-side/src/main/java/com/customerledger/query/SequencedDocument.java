package com.customerledger.query;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.data.annotation.Id;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A read-model document fed by the events of one aggregate. It remembers the last aggregate
 * sequence number applied, so a redelivered or replayed older event changes nothing.
 */
public abstract class SequencedDocument {

    @Id
    protected String id;
    protected long lastSequence = -1;
    protected Instant updatedAt;

    /** The id of the aggregate whose events feed this document. */
    public String id() {
        return id;
    }

    /** When the last event applied to this document was recorded. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * Applies {@code change} to the document {@code id} unless it has already seen {@code sequence}.
     * A missing document is made by {@code absent}; when that is null, a missing document means the
     * projection missed the aggregate's first event, which must not pass silently. Inside a batch of
     * events (an Axon unit of work) the change is kept with the batch's {@link PendingDocuments} and
     * written with the others before the batch's token; outside of one it is written at once.
     */
    public static <D extends SequencedDocument> void apply(MongoTemplate mongo, Class<D> type, String id, long sequence,
                                                           Instant recordedAt, Supplier<D> absent, Consumer<D> change) {
        PendingDocuments pending = PendingDocuments.current(mongo);
        if (pending == null) {
            applyNow(mongo, type, id, sequence, recordedAt, absent, change);
            return;
        }
        String collection = mongo.getCollectionName(type);
        MongoConverter converter = mongo.getConverter();
        Document stored = pending.stored(collection, id);
        D document = stored != null ? converter.read(type, stored) : created(type, id, absent);
        if (sequence <= document.lastSequence) {
            return;
        }
        change.accept(document);
        document.lastSequence = sequence;
        document.updatedAt = recordedAt;
        Document changed = new Document();
        // converted here, not at the batch's end: a document the store cannot hold fails (and parks) its own event
        converter.write(document, changed);
        pending.put(collection, id, PendingDocuments.replaced(stored, changed));
    }

    /** Outside of a batch (a direct call): read, change and write the one document at once. */
    private static <D extends SequencedDocument> void applyNow(MongoTemplate mongo, Class<D> type, String id, long sequence,
                                                               Instant recordedAt, Supplier<D> absent, Consumer<D> change) {
        D document = mongo.findById(id, type);
        if (document == null) {
            document = created(type, id, absent);
        }
        if (sequence <= document.lastSequence) {
            return;
        }
        change.accept(document);
        document.lastSequence = sequence;
        document.updatedAt = recordedAt;
        mongo.save(document);
    }

    private static <D extends SequencedDocument> D created(Class<D> type, String id, Supplier<D> absent) {
        if (absent == null) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " has events but was never created");
        }
        D document = absent.get();
        document.id = id;
        return document;
    }
}
