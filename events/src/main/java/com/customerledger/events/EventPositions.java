package com.customerledger.events;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The one place where an event store's tracking token becomes the ledger's event {@code position}
 * (what a write answers, what {@code minPosition} asks for, what the audit shows) and back. A
 * position counts from 1: the first event of the store is at position 1, and 0 means "before any
 * event". Axon's JDBC engine numbers its global index that way already; Axon Server counts its token
 * from 0, so there a position is the token plus one.
 */
public final class EventPositions {

    private final String engine;
    private final long offset;
    private final LongFunction<TrackingToken> tokenAt;

    private EventPositions(String engine, long offset, LongFunction<TrackingToken> tokenAt) {
        this.engine = engine;
        this.offset = offset;
        this.tokenAt = tokenAt;
    }

    /** Axon's JDBC engine: the global index is the position. */
    public static EventPositions jdbc() {
        return new EventPositions("jdbc", 0, index -> GapAwareTrackingToken.newInstance(index, List.of()));
    }

    /** Axon Server: its token counts from 0, a position from 1. */
    public static EventPositions axonServer() {
        return new EventPositions("axon-server", 1, GlobalSequenceTrackingToken::new);
    }

    /** The position of the newest event {@code token} has passed; 0 for no token (nothing passed yet). */
    public long of(TrackingToken token) {
        return token == null ? 0 : of(token.position()).orElse(0);
    }

    /** A token's position (as {@link TrackingToken#position()} or a processor's status gives it) as a position. */
    public OptionalLong of(OptionalLong tokenPosition) {
        return tokenPosition.isPresent() ? OptionalLong.of(Math.max(0, tokenPosition.getAsLong() + offset)) : tokenPosition;
    }

    /** The token from which a stream delivers the events after {@code position}, in order. */
    public TrackingToken after(long position) {
        return tokenAt.apply(position - offset);
    }

    @Override
    public String toString() {
        return "EventPositions[" + engine + ", token + " + offset + "]";
    }
}
