package com.customerledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.TestData;
import com.customerledger.api.config.LedgerProperties;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit on a real SQLite file: no write transaction returns from its commit before an
 * fdatasync of the write-ahead log that covers it, however many writers commit at once, and the
 * writers take turns (every row arrives, positions in commit order).
 */
class GroupCommitTest {

    private static final int WRITERS = 8;
    private static final int COMMITS_EACH = 40;

    @Test
    void noCommitReturnsBeforeASyncCoversIt() throws Exception {
        Path dir = TestData.newDirectory("group-commit-");
        Path database = dir.resolve(EmbeddedStoreConfiguration.DATABASE_FILE);
        LedgerProperties.Storage storage = new LedgerProperties.Storage(LedgerProperties.Durability.GROUP_COMMIT,
                Duration.ofSeconds(10), WRITERS, false);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + database);
        config.setDataSourceProperties(EmbeddedStoreConfiguration.sqliteSettings(storage));
        config.setMaximumPoolSize(WRITERS);
        WalSync walSync = new WalSync(database);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE entry (position INTEGER PRIMARY KEY AUTOINCREMENT, writer INT NOT NULL)");
            assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
            assertThat(jdbc.queryForObject("PRAGMA synchronous", Integer.class)).as("NORMAL").isEqualTo(1);
            TransactionTemplate transactions = new TransactionTemplate(
                    new SingleWriterTransactionManager(dataSource, walSync, storage.busyTimeout()));

            ConcurrentLinkedQueue<String> uncovered = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < COMMITS_EACH; i++) {
                        long[] ticket = new long[1];
                        transactions.executeWithoutResult(status -> {
                            jdbc.update("INSERT INTO entry (writer) VALUES (?)", writer);
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    // committed, the writer lock still held: no later commit has a ticket yet
                                    ticket[0] = walSync.commits();
                                }
                            });
                        });
                        if (walSync.durableThrough() < ticket[0]) {
                            uncovered.add("commit " + ticket[0] + " returned with syncs only through "
                                    + walSync.durableThrough());
                        }
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            int total = WRITERS * COMMITS_EACH;
            assertThat(uncovered).isEmpty();
            assertThat(walSync.commits()).isEqualTo(total);
            assertThat(walSync.syncs()).isBetween(1L, (long) total);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM entry", Integer.class)).isEqualTo(total);
            assertThat(jdbc.queryForObject("SELECT MAX(position) FROM entry", Integer.class)).isEqualTo(total);
            System.out.printf("group commit: %d commits by %d writers, %d fdatasyncs of the WAL%n", total, WRITERS,
                    walSync.syncs());
        } finally {
            walSync.close();
        }
    }

    @Test
    void fullDurabilityLetsSqliteSyncEachCommit() {
        LedgerProperties.Storage full = new LedgerProperties.Storage(LedgerProperties.Durability.FULL,
                Duration.ofSeconds(10), 2, false);
        assertThat(EmbeddedStoreConfiguration.sqliteSettings(full)).containsEntry("synchronous", "FULL")
                .containsEntry("journal_mode", "WAL").containsEntry("transaction_mode", "IMMEDIATE");
    }
}
