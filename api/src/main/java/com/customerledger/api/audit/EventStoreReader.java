package com.customerledger.api.audit;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads events as stored in the embedded JDBC event store, in global order. */
@Component
class EventStoreReader {

    private static final String COLUMNS = "globalIndex, eventIdentifier, type, payloadRevision, aggregateIdentifier, "
            + "sequenceNumber, timeStamp, payloadType, payload, metaData";
    private static final RowMapper<StoredEvent> ROW = (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));

    private final JdbcTemplate jdbc;

    EventStoreReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} events after {@code position}, in position order. */
    List<StoredEvent> after(long position, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? "
                + "ORDER BY globalIndex LIMIT " + limit, ROW, position);
    }

    /** The newest position in the store, 0 when it holds no events. */
    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    /** How many events the store holds after {@code position}. */
    long countAfter(long position) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, position);
        return count == null ? 0 : count;
    }

    /** Every event up to and including {@code position}, in order, in pages. */
    List<StoredEvent> page(long after, long upTo, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? "
                + "ORDER BY globalIndex LIMIT " + limit, ROW, after, upTo);
    }

    /** The events of one aggregate (kind-qualified id), in order. */
    List<StoredEvent> ofAggregate(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", ROW, aggregateId);
    }
}
