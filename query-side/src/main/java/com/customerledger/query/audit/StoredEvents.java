package com.customerledger.query.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event stream exactly as the event store holds it (the stored form, neither upcast nor
 * deserialized), in global order: what the audit chain is made of and what the audit reads show.
 * Positions count from 1 on every engine ({@link com.customerledger.events.EventPositions}). Read
 * through Axon's own event store interfaces, so the JDBC engine and Axon Server answer alike.
 */
public interface StoredEvents {

    /** Up to {@code limit} events after {@code position}, in position order. */
    List<StoredEvent> after(long position, int limit);

    /** The newest position in the store, 0 when it holds no events. */
    long head();

    /** How many events the store holds after {@code position}. */
    long countAfter(long position);

    /** Up to {@code limit} events after {@code after} and up to {@code upTo} inclusive, in position order. */
    List<StoredEvent> page(long after, long upTo, int limit);

    /**
     * The events of one aggregate (kind-qualified id, as {@code customer:c-1}), in order. An event
     * store reads an aggregate without global positions: each has position 0 here; the audit chain
     * knows them ({@link AuditChain#positionsOf}).
     */
    List<StoredEvent> ofAggregate(String aggregateId);

    /**
     * Hands {@code each}, in position order, every event whose payload type is one of {@code payloadTypes}
     * (fully qualified) recorded in [{@code from}, {@code to}).
     */
    void recordedIn(Collection<String> payloadTypes, Instant from, Instant to, Consumer<StoredEvent> each);
}
