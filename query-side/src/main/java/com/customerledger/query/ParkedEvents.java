package com.customerledger.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events a projection could not apply, parked in its dead-letter queue with their cause while
 * the rest of the stream goes on (later events of the same customer or rep wait behind them, so a
 * read model never applies them out of order). An admin retries them or skips one.
 */
@Component
public class ParkedEvents {

    /** One parked event: what it is, where it belongs, why it failed, and since when. */
    public record ParkedEvent(String eventId, String type, String aggregateId, Long sequence, String causeType,
                              String causeMessage, Instant parkedAt, Instant lastTriedAt) {
    }

    private final EventProcessingConfiguration processing;

    public ParkedEvents(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** How many events the projection has parked. */
    public long count(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** Every parked event of the projection, by sequence (customer or rep), oldest first. */
    public List<ParkedEvent> list(String projection) {
        List<ParkedEvent> parked = new ArrayList<>();
        queue(projection).ifPresent(queue -> queue.deadLetters()
                .forEach(sequence -> sequence.forEach(letter -> parked.add(describe(letter)))));
        return parked;
    }

    /** Applies the parked events again, sequence by sequence; returns how many sequences were cleared. */
    public int retry(String projection) {
        var processor = processing.sequencedDeadLetterProcessor(projection)
                .orElseThrow(() -> new IllegalArgumentException("no projection named " + projection));
        int cleared = 0;
        long sequences = queue(projection).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        for (long i = 0; i < sequences && processor.processAny(); i++) {
            cleared++;
        }
        return cleared;
    }

    /**
     * Drops one parked event without applying it, then applies the events that waited behind it.
     * Returns the dropped event, or empty if the projection has no such parked event.
     */
    public Optional<ParkedEvent> skip(String projection, String eventId) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = queue(projection);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
            DeadLetter<? extends EventMessage<?>> next = null;
            DeadLetter<? extends EventMessage<?>> found = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (found != null) {
                    next = letter;
                    break;
                }
                if (letter.message().getIdentifier().equals(eventId)) {
                    found = letter;
                }
            }
            if (found != null) {
                queue.get().evict(found);
                if (next != null) {
                    String waiting = next.message().getIdentifier();
                    processing.sequencedDeadLetterProcessor(projection)
                            .ifPresent(processor -> processor.process(letter -> letter.message().getIdentifier().equals(waiting)));
                }
                return Optional.of(describe(found));
            }
        }
        return Optional.empty();
    }

    /** Forgets every parked event of the projection: a replay applies the whole stream again anyway. */
    void clear(String projection) {
        queue(projection).ifPresent(SequencedDeadLetterQueue::clear);
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private static ParkedEvent describe(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String type = message.getPayloadType().getSimpleName();
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new ParkedEvent(message.getIdentifier(), type, aggregateId, sequence,
                letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
