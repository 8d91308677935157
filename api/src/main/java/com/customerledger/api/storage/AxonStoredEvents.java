package com.customerledger.api.storage;

import com.customerledger.events.EventPositions;
import com.customerledger.query.audit.StoredEvent;
import com.customerledger.query.audit.StoredEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The stored events read through Axon's own interfaces, one implementation for every engine: the
 * global stream is a {@link StreamableMessageSource} (Axon Server's event store, or the JDBC storage
 * engine's {@code readEvents(TrackingToken, false)}), one aggregate's events a {@link DomainEventStream}
 * without snapshots. The source must read without upcasters, so an event's stored form (payload type,
 * revision and bytes as written) is what the chain hashes: {@link AuditSources} builds such readers.
 *
 * <p>A stream is read up to the store's head as {@code createHeadToken} gave it when the read began.
 * The JDBC engine's stream ends where the table does (an event deleted at the head simply is not
 * there); Axon Server's stream never ends, so one that delivers nothing for {@link #STALL} before the
 * head is an outage (a 503), never a shorter answer that would read as "events missing".
 */
final class AxonStoredEvents implements StoredEvents {

    static final Duration STALL = Duration.ofSeconds(10);
    /** Events stored this long before {@code from} or after {@code to} may still fall into a window (timestamps follow commit order only roughly). */
    static final Duration WINDOW_SLACK = Duration.ofMinutes(1);

    private final StreamableMessageSource<TrackedEventMessage<?>> stream;
    private final Function<String, DomainEventStream> aggregate;
    private final Serializer payloadSerializer;
    private final Serializer metaDataSerializer;
    private final EventPositions positions;

    /**
     * {@code payloadSerializer} is the serializer the source deserializes payloads with (then a
     * payload is handed over as stored, not serialized anew); {@code metaDataSerializer} the one
     * metadata is stored with (Axon Server stores metadata as a map of its own, which this serializes).
     */
    AxonStoredEvents(StreamableMessageSource<TrackedEventMessage<?>> stream, Function<String, DomainEventStream> aggregate,
                     Serializer payloadSerializer, Serializer metaDataSerializer, EventPositions positions) {
        this.stream = stream;
        this.aggregate = aggregate;
        this.payloadSerializer = payloadSerializer;
        this.metaDataSerializer = metaDataSerializer;
        this.positions = positions;
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return page(position, Long.MAX_VALUE, limit);
    }

    @Override
    public long head() {
        return positions.of(stream.createHeadToken());
    }

    @Override
    public long countAfter(long position) {
        long[] count = {0};
        read(positions.after(position), position, Long.MAX_VALUE, event -> {
            count[0]++;
            return true;
        });
        return count[0];
    }

    @Override
    public List<StoredEvent> page(long after, long upTo, int limit) {
        List<StoredEvent> page = new ArrayList<>();
        if (limit > 0) {
            read(positions.after(after), after, upTo, event -> {
                page.add(event);
                return page.size() < limit;
            });
        }
        return page;
    }

    @Override
    public List<StoredEvent> ofAggregate(String aggregateId) {
        List<StoredEvent> events = new ArrayList<>();
        DomainEventStream domain = aggregate.apply(aggregateId);
        while (domain.hasNext()) {
            events.add(stored(0, domain.next()));
        }
        return events;
    }

    @Override
    public void recordedIn(Collection<String> payloadTypes, Instant from, Instant to, Consumer<StoredEvent> each) {
        Set<String> types = Set.copyOf(payloadTypes);
        Instant stopAfter = to.plus(WINDOW_SLACK);
        TrackingToken start = stream.createTokenAt(from.minus(WINDOW_SLACK));
        long startPosition = positions.of(start);
        read(start, startPosition, Long.MAX_VALUE, event -> {
            Instant recorded = DateTimeUtils.parseInstant(event.timestamp());
            if (types.contains(event.payloadType()) && !recorded.isBefore(from) && recorded.isBefore(to)) {
                each.accept(event);
            }
            return recorded.isBefore(stopAfter);
        });
    }

    /**
     * Hands {@code each} the events after {@code start} (at {@code startPosition}) up to {@code upTo}
     * and the head, in order, while it answers true.
     */
    private void read(TrackingToken start, long startPosition, long upTo, Predicate<StoredEvent> each) {
        long end = Math.min(upTo, head());
        if (end <= startPosition) {
            return;
        }
        try (BlockingStream<TrackedEventMessage<?>> events = stream.openStream(start)) {
            while (true) {
                long waitingSince = System.nanoTime();
                if (!events.hasNextAvailable((int) STALL.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - waitingSince >= STALL.toNanos()) {
                        throw new DataAccessResourceFailureException("the event store delivered no event for " + STALL
                                + " while reading up to position " + end);
                    }
                    return;
                }
                TrackedEventMessage<?> message = events.nextAvailable();
                long position = positions.of(message.trackingToken());
                if (position <= startPosition) {
                    continue;
                }
                if (position > end || !each.test(stored(position, message)) || position == end) {
                    return;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("interrupted while reading the event store", interrupted);
        }
    }

    /** An event in its stored form: the serialized payload and metadata as the source holds them, not serialized anew. */
    private StoredEvent stored(long position, EventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(payloadSerializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(metaDataSerializer, byte[].class);
        String type = null;
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            type = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new StoredEvent(position, message.getIdentifier(), type, payload.getType().getRevision(), aggregateId,
                sequence, DateTimeUtils.formatInstant(message.getTimestamp()), payload.getType().getName(),
                payload.getData(), metaData.getData());
    }
}
