package com.customerledger.api.storage;

import com.customerledger.query.audit.StoredEvent;
import com.customerledger.query.audit.StoredEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The events as stored in the embedded JDBC event store (Axon's {@code DomainEventEntry} table), in global order. */
@Component
class JdbcStoredEvents implements StoredEvents {

    private static final String COLUMNS = "globalIndex, eventIdentifier, type, payloadRevision, aggregateIdentifier, "
            + "sequenceNumber, timeStamp, payloadType, payload, metaData";
    private static final RowMapper<StoredEvent> ROW = (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));

    private final JdbcTemplate jdbc;

    JdbcStoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? "
                + "ORDER BY globalIndex LIMIT " + limit, ROW, position);
    }

    @Override
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    @Override
    public long countAfter(long position) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex > ?", Long.class, position);
        return count == null ? 0 : count;
    }

    @Override
    public List<StoredEvent> page(long after, long upTo, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ? AND globalIndex <= ? "
                + "ORDER BY globalIndex LIMIT " + limit, ROW, after, upTo);
    }

    @Override
    public List<StoredEvent> ofAggregate(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", ROW, aggregateId);
    }

    @Override
    public void recordedIn(Collection<String> payloadTypes, Instant from, Instant to, String aggregateId,
                           Consumer<StoredEvent> each) {
        List<Object> args = new ArrayList<>(payloadTypes);
        // the store's own timestamp format compares as text in time order
        args.add(DateTimeUtils.formatInstant(from));
        args.add(DateTimeUtils.formatInstant(to));
        String ofAggregate = "";
        if (aggregateId != null) {
            args.add(aggregateId);
            ofAggregate = " AND aggregateIdentifier = ?";
        }
        String placeholders = String.join(",", payloadTypes.stream().map(type -> "?").toList());
        jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE payloadType IN (" + placeholders + ")"
                + " AND timeStamp >= ? AND timeStamp < ?" + ofAggregate + " ORDER BY globalIndex",
                (RowCallbackHandler) rs -> each.accept(ROW.mapRow(rs, 0)), args.toArray());
    }
}
