package com.customerledger.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One event exactly as the event store holds it. Its canonical form, the bytes the hash chain is
 * made of, is built from the stored columns, so an event serialized long ago keeps its link even if
 * the code that would serialize it today has changed.
 */
public record StoredEvent(long position, String eventId, String type, String revision, String aggregateId, long sequence,
                   String timestamp, String payloadType, byte[] payload, byte[] metaData) {

    public static final String GENESIS = "0".repeat(64);

    /** This event at {@code position} (an aggregate's events are read without their positions). */
    public StoredEvent at(long position) {
        return new StoredEvent(position, eventId, type, revision, aggregateId, sequence, timestamp, payloadType, payload, metaData);
    }

    /** SHA-256 over the previous link and every stored column, each length-prefixed so no two events can collide. */
    public String link(String previous) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, previous);
            update(sha, Long.toString(position));
            update(sha, eventId);
            update(sha, payloadType);
            update(sha, revision);
            update(sha, type);
            update(sha, aggregateId);
            update(sha, Long.toString(sequence));
            update(sha, timestamp);
            update(sha, payload);
            update(sha, metaData);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void update(MessageDigest sha, String value) {
        update(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void update(MessageDigest sha, byte[] value) {
        int length = value == null ? -1 : value.length;
        sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (value != null) {
            sha.update(value);
        }
    }
}
