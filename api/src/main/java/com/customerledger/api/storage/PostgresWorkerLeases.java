package com.customerledger.api.storage;

import com.customerledger.command.WorkerLeases;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's lease on PostgreSQL: a session-level advisory lock ({@code pg_try_advisory_lock}) on a
 * connection of its own, outside the pool, that this instance keeps while it runs the worker (and
 * keeps open to try again while another instance runs it). The lock
 * goes with the connection: an instance that dies or loses its connection frees it, and the next round
 * of another instance's worker takes it.
 */
final class PostgresWorkerLeases implements WorkerLeases, AutoCloseable {

    /** The first key of every lease's advisory lock (the second is the worker's name, hashed). */
    private static final int LEASE_CLASS = 0x4c4c; // "LL"
    private static final int VALID_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(PostgresWorkerLeases.class);

    private final HikariDataSource dataSource;
    /** A connection per worker, kept between attempts; the lock of a held lease lives on it. */
    private final Map<String, Connection> connections = new HashMap<>();
    private final Set<String> holding = new HashSet<>();
    private boolean closed;

    PostgresWorkerLeases(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean holds(String worker) {
        if (closed) {
            return false;
        }
        Connection connection = connections.get(worker);
        try {
            if (connection != null && !connection.isValid(VALID_SECONDS)) {
                forget(worker);
                connection = null;
            }
            if (connection == null) {
                connection = open();
                connections.put(worker, connection);
            }
            if (holding.contains(worker)) {
                return true;
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LEASE_CLASS);
                lock.setString(2, worker);
                try (ResultSet result = lock.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        holding.add(worker);
                        log.info("this instance runs the {} (lease taken)", worker);
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException unreachable) {
            forget(worker);
            log.debug("could not take the lease of the {}: {}", worker, unreachable.toString());
            return false;
        }
    }

    /** Drops the worker's connection, and with it its lock if it held one. */
    private void forget(String worker) {
        if (holding.remove(worker)) {
            log.warn("the lease of the {} was lost with its connection; taking it again if no other instance has", worker);
        }
        Connection connection = connections.remove(worker);
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(dataSource.getDataSourceProperties());
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("ApplicationName", "customer-ledger worker lease");
        return DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the lock goes with the connection either way
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        connections.values().forEach(PostgresWorkerLeases::closeQuietly);
        connections.clear();
        holding.clear();
    }
}
