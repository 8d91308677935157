package com.customerledger.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL a test may use: {@code LEDGER_TEST_POSTGRES_URL} (environment) or
 * {@code -Dledger.test.postgres.url}, a JDBC URL with the user and password as parameters, such as
 * {@code jdbc:postgresql://localhost:5432/ledger_test?user=ledger&password=ledger}. Unset, the tests that
 * need it are skipped; set, each test class works in a schema of its own, dropped afterwards.
 */
final class TestPostgres {

    static final String SKIPPED = "no PostgreSQL configured for the tests: set LEDGER_TEST_POSTGRES_URL (or "
            + "-Dledger.test.postgres.url) to a jdbc:postgresql: URL with user and password to run them";

    private TestPostgres() {
    }

    /** For {@code @EnabledIf}: whether a PostgreSQL is configured. */
    static boolean configured() {
        return configuredUrl() != null;
    }

    /** The configured URL, or {@code null}. */
    static String configuredUrl() {
        String url = System.getProperty("ledger.test.postgres.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("LEDGER_TEST_POSTGRES_URL");
        }
        return url == null || url.isBlank() ? null : url.trim();
    }

    /** A new, empty schema; fails (not skips) when the configured database cannot be reached. */
    static String newSchema(String url) throws SQLException {
        String schema = "ledger_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    /** {@code url} with {@code schema} as the only schema its connections see. */
    static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchema(String url, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
