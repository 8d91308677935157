package com.customerledger.api.storage;

import com.customerledger.api.config.LedgerProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded store of events and command-side lookups: one SQLite file, {@code events.sqlite} in
 * {@code ledger.data-dir}, in WAL mode, behind a pool of connections and a transaction manager that
 * admits one writer at a time. A commit is on stable storage before its command is answered:
 * by group commit ({@link WalSync}) or, with {@code ledger.storage.durability=full}, by SQLite
 * syncing every commit itself. Used unless {@code spring.datasource.url} names a PostgreSQL database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StorePlatform.OnSqlite.class) // a configured PostgreSQL takes its place: PostgresStoreConfiguration
public class EmbeddedStoreConfiguration {

    /** The store's file name in the data directory; SQLite keeps {@code -wal} and {@code -shm} beside it. */
    public static final String DATABASE_FILE = "events.sqlite";
    /** The write-ahead log is cut back to this size when SQLite starts it over after a checkpoint. */
    private static final int WAL_SIZE_LIMIT = 16 * 1024 * 1024;

    @Bean(destroyMethod = "close")
    WalSync walSync(LedgerProperties properties) {
        return new WalSync(database(properties));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(LedgerProperties properties) {
        LedgerProperties.Storage storage = properties.storage();
        Path database = database(properties);
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties sqlite = sqliteSettings(storage);
        H2Migration.prepare(properties.dataDir(), database, storage.migrateH2(), sqlite);

        HikariConfig pool = new HikariConfig();
        pool.setPoolName("event-store");
        pool.setJdbcUrl("jdbc:sqlite:" + database);
        pool.setDataSourceProperties(sqlite);
        pool.setMaximumPoolSize(storage.poolSize());
        pool.setMinimumIdle(storage.poolSize());
        // connections stay open: the write-ahead log lives as long as one connection does
        pool.setMaxLifetime(0);
        pool.setIdleTimeout(0);
        pool.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(pool);
        try {
            requireDurableMode(dataSource, storage.durability());
        } catch (RuntimeException | Error e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Bean
    SingleWriterTransactionManager transactionManager(DataSource dataSource, WalSync walSync, LedgerProperties properties) {
        LedgerProperties.Storage storage = properties.storage();
        return new SingleWriterTransactionManager(dataSource,
                storage.durability() == LedgerProperties.Durability.GROUP_COMMIT ? walSync : null, storage.busyTimeout());
    }

    /** {@code ledger.storage.wal.syncs}: fdatasyncs of group commit; {@code ledger.storage.commits}: commits that waited on one. */
    @Bean
    MeterBinder walSyncMetrics(WalSync walSync) {
        return registry -> {
            FunctionCounter.builder("ledger.storage.wal.syncs", walSync, WalSync::syncs)
                    .description("fdatasyncs of the event store's write-ahead log by group commit").register(registry);
            FunctionCounter.builder("ledger.storage.commits", walSync, WalSync::commits)
                    .description("commits of the event store made durable by group commit").register(registry);
        };
    }

    static Path database(LedgerProperties properties) {
        return properties.dataDir().toAbsolutePath().resolve(DATABASE_FILE);
    }

    /** What every connection is opened with; fixed, except how commits are synced and how long a writer waits. */
    static Properties sqliteSettings(LedgerProperties.Storage storage) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(storage.durability() == LedgerProperties.Durability.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout((int) storage.busyTimeout().toMillis());
        config.setJournalSizeLimit(WAL_SIZE_LIMIT);
        return config.toProperties();
    }

    /** Refuses to start unless a connection really runs in WAL mode with the configured sync level. */
    private static void requireDurableMode(DataSource dataSource, LedgerProperties.Durability durability) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String journal = single(statement, "PRAGMA journal_mode");
            String synchronous = single(statement, "PRAGMA synchronous");
            String expected = durability == LedgerProperties.Durability.FULL ? "2" : "1";
            if (!"wal".equalsIgnoreCase(journal) || !expected.equals(synchronous)) {
                throw new IllegalStateException("the event store runs with journal_mode=" + journal + ", synchronous="
                        + synchronous + "; the ledger needs journal_mode=wal, synchronous=" + expected);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the event store", e);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
