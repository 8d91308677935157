package com.customerledger.api.audit;

import com.customerledger.api.config.LedgerProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The hash chain over the event stream in global order: each event's link is SHA-256 of the previous
 * link and the event's stored form. Links are written as the stream grows (only for events older
 * than the settle time, so a transaction that commits after a later one is never skipped), and
 * {@link #verify()} recomputes the chain from the event store and compares it with them.
 */
@Component
public class AuditChain {

    private static final int BATCH = 1000;

    @Document("audit_chain")
    static class Link {
        @Id
        long position;
        String eventId;
        String link;
    }

    /** The result of a verification: whether the store matches every stored link, how many were checked, and the first difference. */
    public record Verification(boolean ok, long checked, long head, Map<String, Object> firstMismatch) {
    }

    private final EventStoreReader store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration settleTime;

    AuditChain(EventStoreReader store, MongoTemplate mongo, Clock clock, LedgerProperties properties) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.settleTime = properties.audit().settleTime();
    }

    /** Links every settled event not linked yet; returns how many it linked. Safe to call from several threads. */
    public synchronized int extend() {
        Link head = head().orElse(null);
        long position = head == null ? 0 : head.position;
        String previous = head == null ? StoredEvent.GENESIS : head.link;
        // in the store's own timestamp format, so that the text comparison orders instants correctly
        String settledBefore = DateTimeUtils.formatInstant(clock.instant().minus(settleTime));
        int linked = 0;
        List<StoredEvent> events = store.after(position, settledBefore, BATCH);
        while (!events.isEmpty()) {
            List<Link> links = new ArrayList<>();
            for (StoredEvent event : events) {
                previous = event.link(previous);
                Link link = new Link();
                link.position = event.position();
                link.eventId = event.eventId();
                link.link = previous;
                links.add(link);
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Link.class);
            bulk.insert(links);
            bulk.execute();
            linked += links.size();
            position = events.get(events.size() - 1).position();
            events = store.after(position, settledBefore, BATCH);
        }
        return linked;
    }

    Optional<Link> head() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Link.class));
    }

    /** The stored links of the events at {@code positions} that have been linked, by position. */
    public Map<Long, String> linksAt(java.util.Collection<Long> positions) {
        if (positions.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(positions)), Link.class).stream()
                .collect(java.util.stream.Collectors.toMap(link -> link.position, link -> link.link));
    }

    /**
     * Recomputes the chain from the event store up to the newest stored link and compares: an event
     * whose stored form changed, or that is missing, or that appeared where none was linked, is the
     * first mismatch.
     */
    public Verification verify() {
        Link head = head().orElse(null);
        if (head == null) {
            return new Verification(true, 0, 0, null);
        }
        String previous = StoredEvent.GENESIS;
        long checked = 0;
        long after = 0;
        List<StoredEvent> events = store.page(after, head.position, BATCH);
        while (!events.isEmpty()) {
            Map<Long, Link> stored = new java.util.HashMap<>();
            mongo.find(Query.query(Criteria.where("_id").gt(after).lte(events.get(events.size() - 1).position())), Link.class)
                    .forEach(link -> stored.put(link.position, link));
            long expectedNext = after;
            for (StoredEvent event : events) {
                Optional<Link> skipped = firstLinkBetween(stored, expectedNext, event.position());
                if (skipped.isPresent()) {
                    return mismatch(checked, head, skipped.get().position, skipped.get().eventId, "missing from the event store");
                }
                Link link = stored.get(event.position());
                previous = event.link(previous);
                checked++;
                if (link == null) {
                    return mismatch(checked, head, event.position(), event.eventId(), "not in the chain (inserted afterwards)");
                }
                if (!link.link.equals(previous)) {
                    return mismatch(checked, head, event.position(), event.eventId(),
                            link.eventId.equals(event.eventId()) ? "changed after it was linked" : "replaced by another event");
                }
                expectedNext = event.position();
            }
            Optional<Link> trailing = firstLinkBetween(stored, expectedNext, Long.MAX_VALUE);
            if (trailing.isPresent()) {
                return mismatch(checked, head, trailing.get().position, trailing.get().eventId, "missing from the event store");
            }
            after = events.get(events.size() - 1).position();
            events = store.page(after, head.position, BATCH);
        }
        if (after < head.position) {
            return mismatch(checked, head, head.position, head.eventId, "missing from the event store");
        }
        return new Verification(true, checked, head.position, null);
    }

    private static Optional<Link> firstLinkBetween(Map<Long, Link> stored, long after, long before) {
        return stored.values().stream().filter(link -> link.position > after && link.position < before)
                .min(java.util.Comparator.comparingLong(link -> link.position));
    }

    private static Verification mismatch(long checked, Link head, long position, String eventId, String what) {
        return new Verification(false, checked, head.position, Map.of("position", position, "eventId", eventId, "problem", what));
    }
}
