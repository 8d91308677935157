package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A data directory of the H2 versions: refused at start with the command that migrates it, and
 * migrated by that command with every event at its position, the lookups and the read models
 * working on. The H2 store is built as those versions left it: their DDL, rows written by a ledger.
 */
class H2MigrationTest {

    private static final List<String> TABLES = List.of("DomainEventEntry", "SnapshotEventEntry", "scheduled_tasks",
            "customer_key", "rep_book", "customer_owner", "customer_collaborator", "assignment_policy_version",
            "assignment_rule", "assignment_turn", "transfer_batch", "transfer_batch_item", "pool_policy",
            "grading_policy");

    @Test
    void anH2DataDirectoryIsRefusedAndThenMigratedByTheNamedCommand() throws Exception {
        Path source = TestData.newDirectory("ledger-h2-source-");
        Path dataDir = TestData.newDirectory("ledger-h2-");
        String customerId;
        Map<String, Object> customer = EmbeddedLedgerTest.newCustomer(null);
        long head;
        try (ConfigurableApplicationContext ledger = start(source)) {
            Api api = new Api(port(ledger));
            api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 10));
            // a pool policy, so the claim below schedules deadlines (db-scheduler's rows) to carry over
            assertThat(api.put("admin", "/api/policies/pool", Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90,
                    "reminderDaysBefore", 3)).status()).isEqualTo(200);
            customerId = api.post("manager", "/api/customers", customer).text("customerId");
            head = api.post("rep-a", "/api/customers/" + customerId + "/claim", null).position();
        }
        JdbcTemplate original = new JdbcTemplate(new SingleConnectionDataSource(
                "jdbc:sqlite:" + source.resolve("events.sqlite"), true));
        List<Map<String, Object>> events = positions(original);
        List<Map<String, Object>> deadlines = deadlines(original);
        assertThat(deadlines).isNotEmpty();
        writeH2Store(source.resolve("events.sqlite"), dataDir);
        Files.copy(source.resolve("read-models.mv"), dataDir.resolve("read-models.mv"));

        assertThatThrownBy(() -> start(dataDir).close()).rootCause()
                .hasMessageContaining("events.mv.db").hasMessageContaining("--ledger.storage.migrate-h2=true");
        assertThat(dataDir.resolve("events.sqlite")).as("a refused start leaves no store behind").doesNotExist();

        try (ConfigurableApplicationContext ledger = start(dataDir, "--ledger.storage.migrate-h2=true")) {
            Api api = new Api(port(ledger));
            JsonNode view = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + head).body();
            assertThat(view.get("ownerRepId").asText()).isEqualTo("rep-a");
            JdbcTemplate migrated = ledger.getBean(JdbcTemplate.class);
            assertThat(positions(migrated)).as("every event at its position").isEqualTo(events);
            assertThat(deadlines(migrated)).as("pending deadlines, due when they were").containsAll(deadlines);
            assertThat(migrated.queryForObject("SELECT COUNT(*) FROM AssociationValueEntry WHERE associationValue = ?",
                    Integer.class, customerId)).as("the customer has a pool process again, rebuilt from its events").isPositive();
            assertThat(api.post("manager", "/api/customers", customer).status())
                    .as("the identity keys came along: the same customer again is a duplicate").isEqualTo(409);
            assertThat(api.post("manager", "/api/customers", EmbeddedLedgerTest.newCustomer("rep-a")).position())
                    .isGreaterThan(head);
        }
        // started again without the flag, the migrated store opens as any other
        try (ConfigurableApplicationContext ledger = start(dataDir)) {
            assertThat(new Api(port(ledger)).get("manager", "/api/customers/" + customerId).status()).isEqualTo(200);
        }
        assertThat(dataDir.resolve("events.mv.db")).as("the H2 file is left as it was").exists();
    }

    private static List<Map<String, Object>> positions(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT globalIndex, eventIdentifier FROM DomainEventEntry ORDER BY globalIndex");
    }

    private static List<Map<String, Object>> deadlines(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT task_name, task_instance, execution_time, picked FROM scheduled_tasks "
                + "ORDER BY task_name, task_instance");
    }

    /** The old layout, from the scripts of the H2 versions, holding the rows of {@code sqlite}. */
    private static void writeH2Store(Path sqlite, Path dataDir) throws SQLException {
        try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
             Connection to = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events"), "ledger", "")) {
            new ResourceDatabasePopulator(new ClassPathResource("db/h2/event-store.sql"),
                    new ClassPathResource("db/h2/command-lookups.sql"), new ClassPathResource("db/h2/deadlines.sql"))
                    .execute(new SingleConnectionDataSource(to, true));
            for (String table : TABLES) {
                List<String> columns = new ArrayList<>();
                List<Integer> types = new ArrayList<>();
                DatabaseMetaData meta = to.getMetaData();
                try (ResultSet rs = meta.getColumns(null, null, table.toUpperCase(), null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME"));
                        types.add(rs.getInt("DATA_TYPE"));
                    }
                }
                String list = String.join(", ", columns);
                try (ResultSet rows = from.createStatement().executeQuery("SELECT " + list + " FROM " + table);
                     PreparedStatement insert = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                             + String.join(", ", columns.stream().map(column -> "?").toList()) + ")")) {
                    while (rows.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            int type = types.get(i - 1);
                            boolean time = type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
                            insert.setObject(i, time ? rows.getTimestamp(i) : rows.getObject(i));
                        }
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dataDir));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
