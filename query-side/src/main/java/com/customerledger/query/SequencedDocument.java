package com.customerledger.query;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

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
     * projection missed the aggregate's first event, which must not pass silently.
     */
    public static <D extends SequencedDocument> void apply(MongoTemplate mongo, Class<D> type, String id, long sequence,
                                                           Instant recordedAt, Supplier<D> absent, Consumer<D> change) {
        D document = mongo.findById(id, type);
        if (document == null) {
            if (absent == null) {
                throw new IllegalStateException(type.getSimpleName() + " " + id + " has events but was never created");
            }
            document = absent.get();
            document.id = id;
        }
        if (sequence <= document.lastSequence) {
            return;
        }
        change.accept(document);
        document.lastSequence = sequence;
        document.updatedAt = recordedAt;
        mongo.save(document);
    }
}
