package com.customerledger.query.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.springframework.beans.factory.annotation.Value;
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
 * link and the event's stored form. Links are written as the stream grows, in position order without
 * skipping a position that a transaction may still fill (see {@link #extend()}), and
 * {@link #verify()} recomputes the chain from the event store and compares it with them.
 */
@Component
public class AuditChain {

    private static final int BATCH = 1000;
    /** MongoDB's code of a write refused by a unique index. */
    private static final int DUPLICATE_KEY = 11000;
    /** How many events past the chain's head {@link #positionsOf} looks through for events not linked yet. */
    private static final int UNLINKED_SCAN = 10_000;

    @Document("audit_chain")
    static class Link {
        @Id
        long position;
        @org.springframework.data.mongodb.core.index.Indexed(unique = true)
        String eventId;
        String link;
    }

    /** What a verification found. Only {@code VERIFIED} is ok: a check over nothing says so. */
    public enum Outcome {
        /** Every linked event matches its link, and at least one was checked. */
        VERIFIED,
        /** The event store holds no events: there is nothing to verify. */
        EMPTY,
        /** The event store holds events but none is linked yet: nothing could be checked. */
        NOT_LINKED_YET,
        /** An event differs from its link, is missing, or appeared where none was linked. */
        MISMATCH
    }

    /**
     * The result of a verification: the outcome, how many events were checked, the chain's head, the
     * event store's newest position, how many stored events are not linked yet, and the first difference.
     */
    public record Verification(boolean ok, Outcome outcome, long checked, long head, long storeHead, long notYetLinked,
                               Map<String, Object> firstMismatch) {
    }

    private final StoredEvents store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration gapTimeout;
    /** The newest link this instance stored or found, see {@link #knownHead()}. */
    private volatile Link known;

    AuditChain(StoredEvents store, MongoTemplate mongo, Clock clock, @Value("${ledger.audit.gap-timeout}") Duration gapTimeout) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /**
     * Links the events after the chain's head in position order; returns how many it linked. On
     * SQLite positions are handed out in commit order and none is skipped, but a store migrated from
     * H2 keeps the positions of H2's rolled-back appends, and a store that hands positions out
     * before commit would show one still committing: so at a missing position the chain stops until
     * the event after the gap has been stored for the gap timeout, and then passes over it. Safe to
     * call from several threads.
     */
    public synchronized int extend() {
        Link head = knownHead().orElse(null);
        long position = head == null ? 0 : head.position;
        String previous = head == null ? StoredEvent.GENESIS : head.link;
        Instant gapsClosedBefore = clock.instant().minus(gapTimeout);
        int linked = 0;
        while (true) {
            List<StoredEvent> events = store.after(position, BATCH);
            List<Link> links = new ArrayList<>();
            for (StoredEvent event : events) {
                boolean follows = event.position() == position + 1;
                if (!follows && !DateTimeUtils.parseInstant(event.timestamp()).isBefore(gapsClosedBefore)) {
                    break;
                }
                previous = event.link(previous);
                Link link = new Link();
                link.position = event.position();
                link.eventId = event.eventId();
                link.link = previous;
                links.add(link);
                position = event.position();
            }
            if (!links.isEmpty()) {
                BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Link.class);
                bulk.insert(links);
                try {
                    bulk.execute();
                } catch (org.springframework.data.mongodb.BulkOperationException notLinked) {
                    known = null; // look the head up next time
                    if (notLinked.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                        throw new org.springframework.dao.DuplicateKeyException(
                                "another instance linked position " + links.get(0).position + " first", notLinked);
                    }
                    throw notLinked;
                } catch (RuntimeException notLinked) {
                    known = null; // the store failed: look the head up next time
                    throw notLinked;
                }
                known = links.get(links.size() - 1);
                linked += links.size();
            }
            if (links.size() < events.size() || events.size() < BATCH) {
                return linked;
            }
        }
    }

    /** The link of the newest position: a sort of the whole chain where the store has no index to sort by. */
    Optional<Link> head() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Link.class));
    }

    /**
     * The head this instance last linked, while it is still stored as linked (one look-up by position), else
     * {@link #head()}. The embedded store cannot sort by position without reading every link, which every
     * link interval did. Another instance may have linked further: linking from here then fails on the
     * first position it already stored (and the head is looked up again); a look for unlinked events reads
     * a little more of the stream.
     */
    Optional<Link> knownHead() {
        Link head = known;
        if (head != null) {
            Link stored = mongo.findById(head.position, Link.class);
            if (stored != null && stored.link.equals(head.link)) {
                return Optional.of(head);
            }
        }
        Optional<Link> found = head();
        known = found.orElse(null);
        return found;
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
     * The positions of the events {@code eventIds}, as far as known: from their links, and for events
     * not linked yet from the stream after the chain's head (at most {@value #UNLINKED_SCAN} events;
     * the chain is normally a link interval behind). An event store reads one aggregate's events
     * without global positions; the chain is where they are kept.
     */
    public Map<String, Long> positionsOf(java.util.Collection<String> eventIds) {
        Map<String, Long> positions = new java.util.HashMap<>();
        for (String eventId : eventIds) {
            // one equality match each: a unique index serves exactly that on every MongoDB this runs on
            Link link = mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), Link.class);
            if (link != null) {
                positions.put(eventId, link.position);
            }
        }
        if (positions.size() < eventIds.size()) {
            java.util.Set<String> missing = new java.util.HashSet<>(eventIds);
            missing.removeAll(positions.keySet());
            long after = knownHead().map(link -> link.position).orElse(0L);
            int scanned = 0;
            while (!missing.isEmpty() && scanned < UNLINKED_SCAN) {
                List<StoredEvent> events = store.after(after, BATCH);
                for (StoredEvent event : events) {
                    if (missing.remove(event.eventId())) {
                        positions.put(event.eventId(), event.position());
                    }
                }
                scanned += events.size();
                if (events.size() < BATCH) {
                    break;
                }
                after = events.get(events.size() - 1).position();
            }
        }
        return positions;
    }

    /**
     * Recomputes the chain from the event store up to the newest stored link and compares: an event
     * whose stored form changed, or that is missing, or that appeared where none was linked, is the
     * first mismatch.
     */
    public Verification verify() {
        Link head = head().orElse(null);
        long storeHead = store.head();
        if (head == null) {
            Outcome outcome = storeHead == 0 ? Outcome.EMPTY : Outcome.NOT_LINKED_YET;
            return new Verification(false, outcome, 0, 0, storeHead, store.countAfter(0), null);
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
                    return mismatch(checked, head, storeHead, skipped.get().position, skipped.get().eventId, "missing from the event store");
                }
                Link link = stored.get(event.position());
                previous = event.link(previous);
                checked++;
                if (link == null) {
                    return mismatch(checked, head, storeHead, event.position(), event.eventId(), "not in the chain (inserted afterwards)");
                }
                if (!link.link.equals(previous)) {
                    return mismatch(checked, head, storeHead, event.position(), event.eventId(),
                            link.eventId.equals(event.eventId()) ? "changed after it was linked" : "replaced by another event");
                }
                expectedNext = event.position();
            }
            Optional<Link> trailing = firstLinkBetween(stored, expectedNext, Long.MAX_VALUE);
            if (trailing.isPresent()) {
                return mismatch(checked, head, storeHead, trailing.get().position, trailing.get().eventId, "missing from the event store");
            }
            after = events.get(events.size() - 1).position();
            events = store.page(after, head.position, BATCH);
        }
        if (after < head.position) {
            return mismatch(checked, head, storeHead, head.position, head.eventId, "missing from the event store");
        }
        return new Verification(true, Outcome.VERIFIED, checked, head.position, storeHead, store.countAfter(head.position),
                null);
    }

    private static Optional<Link> firstLinkBetween(Map<Long, Link> stored, long after, long before) {
        return stored.values().stream().filter(link -> link.position > after && link.position < before)
                .min(java.util.Comparator.comparingLong(link -> link.position));
    }

    private Verification mismatch(long checked, Link head, long storeHead, long position, String eventId, String what) {
        return new Verification(false, Outcome.MISMATCH, checked, head.position, storeHead, store.countAfter(head.position),
                Map.of("position", position, "eventId", eventId, "problem", what));
    }
}
