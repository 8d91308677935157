package com.customerledger.query;

import java.time.Instant;

/**
 * One projection's processor: whether it runs, replays or is in error, the lowest position of its
 * segments, the event store's head, how far behind it is, how many events it has parked, and why
 * it is failing while it is.
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                               Long position, long head, Long lag, long parked, Failure failure) {

    /** The last failure of a projection's processor: the exception's type, its message, and when. */
    public record Failure(String type, String message, Instant at) {
    }
}
