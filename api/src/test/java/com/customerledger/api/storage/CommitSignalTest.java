package com.customerledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** The commit signal wakes a processor's stream at each commit and lets it wait for the store's reader. */
class CommitSignalTest {

    /** A stream of events that a test hands over one by one, as the event store's reader would. */
    private static final class Fed implements BlockingStream<TrackedEventMessage<?>> {
        final LinkedBlockingQueue<TrackedEventMessage<?>> events = new LinkedBlockingQueue<>();
        boolean closed;

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(events.peek());
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (events.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return !events.isEmpty();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return events.remove();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage("e" + position));
    }

    private static StreamableMessageSource<TrackedEventMessage<?>> sourceOf(Fed fed) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return fed;
            }

            @Override
            public TrackingToken createTailToken() {
                return new GlobalSequenceTrackingToken(-1);
            }
        };
    }

    @Test
    void aCommitWakesTheProcessorAndTheStreamWaitsForTheEventsBeingFetched() throws Exception {
        CommitSignal signal = new CommitSignal();
        Fed fed = new Fed();
        BlockingStream<TrackedEventMessage<?>> stream = signal.wrap(sourceOf(fed)).openStream(null);
        AtomicInteger woken = new AtomicInteger();
        assertThat(stream.setOnAvailableCallback(woken::incrementAndGet)).as("the processor is told it will be woken").isTrue();

        // opened just now: a commit may have come before the callback was set, so it looks once
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).as("nothing signalled: it does not wait").isFalse();

        signal.committed();
        assertThat(woken).hasValue(1);
        Thread reader = new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            fed.events.add(event(7));
        });
        reader.start();
        assertThat(stream.hasNextAvailable()).as("the event the store's reader fetches after the commit").isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(7));
        reader.join();

        stream.close();
        assertThat(fed.closed).isTrue();
        assertThat(signal.openStreams()).isZero();
        signal.committed();
        assertThat(woken).as("a closed stream is not woken").hasValue(1);
    }

    @Test
    void aUnitOfWorkSignalsOnceAfterItsCommitAndNotAtAllWhenRolledBack() throws Exception {
        CommitSignal signal = new CommitSignal();
        BlockingStream<TrackedEventMessage<?>> stream = signal.wrap(sourceOf(new Fed())).openStream(null);
        AtomicInteger woken = new AtomicInteger();
        stream.setOnAvailableCallback(woken::incrementAndGet);

        DefaultUnitOfWork<?> committed = DefaultUnitOfWork.startAndGet(null);
        signal.interceptor().handle(List.of(GenericEventMessage.asEventMessage("a")));
        signal.interceptor().handle(List.of(GenericEventMessage.asEventMessage("b")));
        assertThat(woken).as("not before the commit").hasValue(0);
        committed.commit();
        assertThat(woken).as("once per unit of work").hasValue(1);

        DefaultUnitOfWork<?> rolledBack = DefaultUnitOfWork.startAndGet(null);
        signal.interceptor().handle(List.of(GenericEventMessage.asEventMessage("c")));
        rolledBack.rollback();
        assertThat(woken).hasValue(1);

        signal.interceptor().handle(List.of(GenericEventMessage.asEventMessage("outside a unit of work")));
        assertThat(woken).as("outside a unit of work the processor finds the event by itself").hasValue(1);
    }
}
