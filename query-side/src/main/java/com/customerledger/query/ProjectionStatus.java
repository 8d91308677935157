package com.customerledger.query;

/**
 * One projection's processor: whether it runs, replays or is in error, the lowest position of its
 * segments, the event store's head, and how far behind it is.
 */
public record ProjectionStatus(String name, boolean running, boolean replaying, boolean error, int segments,
                               Long position, long head, Long lag) {
}
