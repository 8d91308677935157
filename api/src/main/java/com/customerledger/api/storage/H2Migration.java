package com.customerledger.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Data directories of the versions before SQLite: their event store is an H2 file,
 * {@code events.mv.db}. One is recognised at start and refused, so that the ledger never starts
 * empty beside the old data; started once with {@code --ledger.storage.migrate-h2=true}, the ledger
 * copies it into a new SQLite store and goes on normally.
 *
 * <p>The copy keeps every event's global index, so the projections' tracking tokens in the
 * read-model store stay valid and nothing is replayed; it copies the snapshots, the command side's
 * lookup tables and the pending deadlines with it, all in one SQLite transaction written to a
 * temporary file that is renamed into place only once complete. The H2 file is left as it was.
 */
public final class H2Migration {

    /** What the flag is called on the command line. */
    public static final String FLAG = "--ledger.storage.migrate-h2=true";

    static final String H2_FILE = "events.mv.db";
    private static final Logger log = LoggerFactory.getLogger(H2Migration.class);
    /** The scripts of the SQLite layout, run before the copy (the application runs them again, harmlessly). */
    private static final String[] SQLITE_SCRIPTS = {"db/event-store.sql", "db/command-lookups.sql", "db/deadlines.sql"};
    /** The scripts of the last H2 layout: an older H2 store lacks columns that later versions added. */
    private static final String[] H2_SCRIPTS = {"db/h2/event-store.sql", "db/h2/command-lookups.sql", "db/h2/deadlines.sql"};
    /** Events first, in position order; then everything else. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("DomainEventEntry", "globalIndex");
        TABLES.put("SnapshotEventEntry", "aggregateIdentifier, sequenceNumber");
        TABLES.put("scheduled_tasks", "task_name, task_instance");
        for (String table : List.of("customer_key", "rep_book", "customer_owner", "assignment_policy_version",
                "assignment_rule", "assignment_turn", "customer_collaborator", "transfer_batch", "transfer_batch_item",
                "pool_policy", "grading_policy")) {
            TABLES.put(table, null);
        }
    }

    private H2Migration() {
    }

    /**
     * Before the store is opened: refuses an H2 data directory unless {@code migrate} is set, and
     * then migrates it into {@code database}.
     */
    static void prepare(Path dataDir, Path database, boolean migrate, Properties sqlite) {
        Path h2 = dataDir.resolve(H2_FILE);
        if (Files.exists(database) || !Files.exists(h2)) {
            if (migrate && Files.exists(h2)) {
                log.info("{} already exists; the H2 store {} was migrated before and is not read again", database, h2);
            }
            return;
        }
        if (!migrate) {
            throw new H2StoreFound("The data directory " + dataDir + " holds an event store of an earlier "
                    + "version (H2 file " + H2_FILE + "), which this version no longer opens. Start once with " + FLAG
                    + " to copy it into the SQLite store " + database.getFileName() + " (events keep their positions, "
                    + "so the read models need no rebuild); back the directory up first.");
        }
        migrate(h2, database, sqlite);
    }

    /** The reason a start was refused: an H2 data directory, not migrated. */
    static final class H2StoreFound extends IllegalStateException {

        H2StoreFound(String message) {
            super(message);
        }
    }

    /** Prints the refusal as what it is, the one thing to do, instead of a bean-creation stack trace. */
    static final class RefusalAnalyzer extends AbstractFailureAnalyzer<H2StoreFound> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, H2StoreFound cause) {
            return new FailureAnalysis(cause.getMessage(), "Back up the data directory, then start the ledger once with "
                    + FLAG + ", for example: java -jar customer-ledger.jar " + FLAG, cause);
        }
    }

    static void migrate(Path h2File, Path database, Properties sqlite) {
        String name = h2File.getFileName().toString();
        String h2Url = "jdbc:h2:file:" + h2File.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        Path partial = database.resolveSibling(database.getFileName() + ".migrating");
        try {
            Files.deleteIfExists(partial);
            Map<String, Long> copied = new LinkedHashMap<>();
            try (Connection from = DriverManager.getConnection(h2Url, "ledger", "");
                 Connection to = DriverManager.getConnection("jdbc:sqlite:" + partial, sqlite)) {
                run(from, H2_SCRIPTS);
                run(to, SQLITE_SCRIPTS);
                to.setAutoCommit(false);
                for (Map.Entry<String, String> table : TABLES.entrySet()) {
                    copied.put(table.getKey(), copy(from, to, table.getKey(), table.getValue()));
                }
                to.commit();
                to.setAutoCommit(true);
                try (Statement checkpoint = to.createStatement()) {
                    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
            Files.move(partial, database, StandardCopyOption.ATOMIC_MOVE);
            WalSync.syncDirectory(database.getParent());
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + "-wal"));
            Files.deleteIfExists(partial.resolveSibling(partial.getFileName() + "-shm"));
            log.info("Migrated the H2 event store {} into {}: {}. The H2 file is no longer read and may be archived.",
                    h2File, database, copied);
        } catch (SQLException e) {
            throw new IllegalStateException("could not migrate the H2 event store " + h2File + "; nothing was changed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(Connection connection, String[] scripts) {
        ClassPathResource[] resources = java.util.Arrays.stream(scripts).map(ClassPathResource::new)
                .toArray(ClassPathResource[]::new);
        new ResourceDatabasePopulator(resources).execute(new SingleConnectionDataSource(connection, true));
    }

    /** Copies every row of {@code table} in {@code order}, column by column as the SQLite table names them. */
    private static long copy(Connection from, Connection to, String table, String order) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement info = to.createStatement(); ResultSet rs = info.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        String list = String.join(", ", columns);
        String placeholders = String.join(", ", columns.stream().map(column -> "?").toList());
        long rows = 0;
        try (Statement select = from.createStatement();
             ResultSet rs = select.executeQuery("SELECT " + list + " FROM " + table
                     + (order == null ? "" : " ORDER BY " + order));
             PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + placeholders + ")")) {
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    insert.setObject(i, portable(rs.getObject(i)));
                }
                insert.executeUpdate();
                rows++;
            }
        }
        return rows;
    }

    /** H2's values in the forms SQLite's driver binds: bytes for BLOBs, epoch milliseconds for timestamps. */
    private static Object portable(Object value) throws SQLException {
        if (value instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (value instanceof OffsetDateTime time) {
            return Timestamp.from(time.toInstant());
        }
        return value;
    }
}
