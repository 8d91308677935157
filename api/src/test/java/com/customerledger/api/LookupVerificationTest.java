package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.storage.LookupVerification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash between the two commits of Axon Server leaves is found and repaired from the stored
 * events. The state is made on the embedded store after the fact: a registration whose key rows and
 * receipt are deleted (its events stored, its lookups never committed: the same farm could be
 * registered again), and, the other way round, a key row and a receipt of an event that was never
 * stored (the key refuses a farm as a 撞单 of a customer that does not exist). The check finds both
 * and rebuilds the lookups.
 */
class LookupVerificationTest {

    @TempDir
    Path dataDir;

    @Test
    void lookupsOfEventsNeverStoredAreFoundAndRebuiltFromTheStoredEvents() {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.lookups.verify-appends=true",
                        "--ledger.lookups.settle=1s")) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            LookupVerification verification = ledger.getBean(LookupVerification.class);
            Map<String, Object> real = Map.of("name", "真实养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"));
            Map<String, Object> ghost = Map.of("name", "幽灵养殖场", "type", "FARM", "phone", "13800000000",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"));
            String realId = api.post("manager", "/api/customers", real).text("customerId");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lookup_receipt", Long.class)).isEqualTo(1);

            // stored, but its lookups never committed: its keys, its receipt and its pool process are not there
            jdbc.update("DELETE FROM customer_key WHERE customer_id = ?", realId);
            jdbc.update("DELETE FROM SagaEntry WHERE sagaId IN (SELECT sagaId FROM AssociationValueEntry "
                    + "WHERE associationValue = ?)", realId);
            jdbc.update("DELETE FROM AssociationValueEntry WHERE associationValue = ?", realId);
            com.customerledger.command.pool.PoolProcessBackfill pool = ledger.getBean(
                    com.customerledger.command.pool.PoolProcessBackfill.class);
            assertThat(pool.customersWithoutProcess()).contains(realId);
            jdbc.update("DELETE FROM lookup_receipt WHERE aggregate_id = ?", "customer:" + realId);
            // the other way round (an append that failed after the lookups committed): a key and a receipt, no event
            String ghostId = "c-ghost";
            jdbc.update("INSERT INTO customer_key (identity_key, customer_id) VALUES ('phone:13800000000', ?)", ghostId);
            jdbc.update("INSERT INTO lookup_receipt (event_id, aggregate_id, sequence_number, recorded_at) VALUES "
                    + "('never-stored', 'customer:c-ghost', 0, 0)");
            assertThat(api.post("manager", "/api/customers", ghost).status()).as("the phantom keys refuse it").isEqualTo(409);
            sleepPast(java.time.Duration.ofMillis(1500));

            LookupVerification.Result repaired = verification.verify();
            assertThat(repaired.missingEventIds()).as(repaired.toString()).hasSize(2).contains("never-stored");
            assertThat(repaired.rebuilt()).isTrue();
            assertThat(repaired.failure()).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ?", Long.class, ghostId))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ?", Long.class, realId))
                    .isPositive();
            assertThat(pool.customersWithoutProcess()).as("its pool process rebuilt from its events").doesNotContain(realId);

            Api.Response again = api.post("manager", "/api/customers", ghost);
            assertThat(again.status()).as("the phantom is gone: " + again).isEqualTo(201);
            Api.Response duplicate = api.post("manager", "/api/customers", real);
            assertThat(duplicate.status()).as("the real customer's keys were rebuilt").isEqualTo(409);
            sleepPast(java.time.Duration.ofMillis(1500));
            LookupVerification.Result clean = verification.verify();
            assertThat(clean.missingEventIds()).as(clean.toString()).isEmpty();
            assertThat(clean.checked()).as("the registration since the rebuild").isEqualTo(1);
        }
    }

    private static void sleepPast(java.time.Duration settle) {
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A data directory written by a version that kept no assignment facts: at start the lookups are
     * rebuilt once from the stored events, so the preview sees every customer with the name and
     * product lines as last edited.
     */
    @Test
    void lookupsOfAnEarlierVersionGetTheCustomersAssignmentFactsAtStart() throws Exception {
        String[] ledgerArgs = {"--server.port=0", "--ledger.data-dir=" + dataDir};
        String edited;
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class).run(ledgerArgs)) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            Map<String, Object> region = Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市");
            api.post("manager", "/api/customers", Map.of("name", "前版养殖场", "type", "FARM", "region", region));
            edited = api.post("manager", "/api/customers", Map.of("name", "前版合作社", "type", "COOPERATIVE",
                    "region", region)).text("customerId");
            assertThat(api.patch("manager", "/api/customers/" + edited, Map.of("productLines", List.of("有机肥"))).status())
                    .isEqualTo(200);
            // what the earlier layout had: no such table
            ledger.getBean(JdbcTemplate.class).execute("DROP TABLE customer_facts");
        }
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class).run(ledgerArgs)) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT name FROM customer_facts ORDER BY registered", String.class))
                    .containsExactly("前版养殖场", "前版合作社");
            assertThat(jdbc.queryForObject("SELECT product_lines FROM customer_facts WHERE customer_id = ?", String.class,
                    edited)).isEqualTo("有机肥");
            Api.Response preview = api.post("admin", "/api/policies/assignment/preview", Map.of("rules",
                    List.of(Map.of("ruleId", "any", "candidates", "territory", "strategy", "ROUND_ROBIN"))));
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(preview.body().get("customers").asInt()).isEqualTo(2);
        }
    }
}
