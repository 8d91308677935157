package com.customerledger.api.storage;

import java.sql.PreparedStatement;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The statements of Axon's JDBC storage engine that SQLite needs in its own form. Axon reads each of
 * these single-value queries with {@code getObject(1, Long.class)}, which SQLite's driver refuses on
 * the NULL an aggregate of no rows gives (an empty store, a token at the head, a new aggregate);
 * Axon reads "no row" as "no value", so each query returns no row instead of a NULL.
 */
public final class SqliteEventStatements {

    private SqliteEventStatements() {
    }

    /** Installs the five statements on {@code builder}. */
    public static JdbcEventStorageEngine.Builder install(JdbcEventStorageEngine.Builder builder) {
        return builder
                .createTailToken((connection, schema) -> connection.prepareStatement(
                        nonNull("SELECT MIN(" + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable())))
                .createHeadToken((connection, schema) -> connection.prepareStatement(
                        nonNull("SELECT MAX(" + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable())))
                .createTokenAt((connection, schema, instant) -> {
                    PreparedStatement statement = connection.prepareStatement(nonNull("SELECT MIN("
                            + schema.globalIndexColumn() + ") - 1 FROM " + schema.domainEventTable() + " WHERE "
                            + schema.timestampColumn() + " >= ?"));
                    statement.setString(1, DateTimeUtils.formatInstant(instant));
                    return statement;
                })
                .fetchTrackedEvents((connection, schema, after) -> {
                    PreparedStatement statement = connection.prepareStatement(nonNull("SELECT MIN("
                            + schema.globalIndexColumn() + ") FROM " + schema.domainEventTable() + " WHERE "
                            + schema.globalIndexColumn() + " > ?"));
                    statement.setLong(1, after);
                    return statement;
                })
                .lastSequenceNumberFor((connection, schema, aggregateId) -> {
                    PreparedStatement statement = connection.prepareStatement(nonNull("SELECT MAX("
                            + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable() + " WHERE "
                            + schema.aggregateIdentifierColumn() + " = ?"));
                    statement.setString(1, aggregateId);
                    return statement;
                });
    }

    private static String nonNull(String singleValue) {
        return "SELECT v FROM (" + singleValue.replaceFirst(" FROM ", " AS v FROM ") + ") WHERE v IS NOT NULL";
    }
}
