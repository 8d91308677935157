package com.customerledger.api.storage;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Tells the projections' processors at once that events were committed, instead of letting them find
 * out by polling. Axon's pooled processor asks its event stream for a callback when events become
 * available; the embedded event store's streams offer none, so a processor that has caught up looks
 * again only every 500 ms, which was most of a read's wait for its own write ({@code ?minPosition=}).
 *
 * <p>With one ledger on the embedded store every event is appended by this process, so a commit is
 * a sure sign of new events: a dispatch interceptor on the event bus registers, once per unit of work,
 * a step after its commit that marks every open stream and calls its processor's callback. The
 * event store reads the new events in a thread of its own after the same commit, so a marked stream
 * that finds nothing yet waits for them a little ({@link #FETCH_WAIT_MILLIS}) instead of sending the
 * processor back to sleep. A missed signal costs no more than the processor's token claim interval,
 * after which it looks again in any case.
 */
public final class CommitSignal {

    /** How long a stream told of a commit waits for the event store's reader to fetch its events. */
    static final long FETCH_WAIT_MILLIS = 250;

    private static final String REGISTERED = CommitSignal.class.getName() + ".registered";

    private final Set<SignalledStream> open = ConcurrentHashMap.newKeySet();

    /** Registers, once per unit of work that publishes events, {@link #committed()} after its commit. */
    public MessageDispatchInterceptor<EventMessage<?>> interceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                if (CurrentUnitOfWork.isStarted()) {
                    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                    if (root.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                        root.afterCommit(committed -> committed());
                    }
                }
                return (index, message) -> message;
            }
        };
    }

    /** Events were committed: every open stream looks for them, its processor is woken. */
    public void committed() {
        for (SignalledStream stream : open) {
            stream.signal();
        }
    }

    /** The streams open at the moment (for tests). */
    int openStreams() {
        return open.size();
    }

    /** {@code source} whose streams offer an availability callback, woken by {@link #committed()}. */
    public StreamableMessageSource<TrackedEventMessage<?>> wrap(StreamableMessageSource<TrackedEventMessage<?>> source) {
        return new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return new SignalledStream(source.openStream(trackingToken));
            }

            @Override
            public TrackingToken createTailToken() {
                return source.createTailToken();
            }

            @Override
            public TrackingToken createHeadToken() {
                return source.createHeadToken();
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return source.createTokenAt(dateTime);
            }

            @Override
            public TrackingToken createTokenSince(java.time.Duration duration) {
                return source.createTokenSince(duration);
            }
        };
    }

    /** A stream of the event store that a commit marks and whose processor it wakes. */
    final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        /** Set at first: a commit may have come between the processor closing its last stream and opening this one. */
        private final AtomicBoolean signalled = new AtomicBoolean(true);
        private volatile Runnable callback;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void signal() {
            signalled.set(true);
            Runnable wake = callback;
            if (wake != null) {
                wake.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            open.add(this);
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (delegate.hasNextAvailable(timeout, unit)) {
                return true;
            }
            // a commit was signalled since the stream last came up empty: its events are being fetched
            return signalled.getAndSet(false) && delegate.hasNextAvailable((int) FETCH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            open.remove(this);
            callback = null;
            delegate.close();
        }
    }
}
