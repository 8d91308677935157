package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.storage.LookupVerification;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a crash between the two commits of Axon Server leaves (the lookups committed, the events never
 * appended) is found and repaired: on the embedded store the same state is made by deleting a
 * registration's events after the fact. Its keys then refuse the customer as a 撞单 of a customer
 * that does not exist; the check finds the receipt without its event and rebuilds the lookups from
 * the stored events, after which the phantom is gone and the real customers still guard their keys.
 */
class LookupVerificationTest {

    @TempDir
    Path dataDir;

    @Test
    void lookupsOfEventsNeverStoredAreFoundAndRebuiltFromTheStoredEvents() {
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.lookups.verify-appends=true")) {
            Api api = new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            LookupVerification verification = ledger.getBean(LookupVerification.class);
            Map<String, Object> real = Map.of("name", "真实养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"));
            Map<String, Object> ghost = Map.of("name", "幽灵养殖场", "type", "FARM",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"));
            assertThat(api.post("manager", "/api/customers", real).status()).isEqualTo(201);
            String ghostId = api.post("manager", "/api/customers", ghost).text("customerId");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lookup_receipt", Long.class)).isEqualTo(2);

            // the append that never happened: the lookups of the ghost's registration, without its event
            jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", "customer:" + ghostId);
            assertThat(api.post("manager", "/api/customers", ghost).status()).as("the phantom keys refuse it").isEqualTo(409);
            // fresh receipts are left alone (their command may still be committing); these have settled
            assertThat(verification.verify().checked()).isZero();
            jdbc.update("UPDATE lookup_receipt SET recorded_at = 0");

            LookupVerification.Result repaired = verification.verify();
            assertThat(repaired.checked()).isEqualTo(2);
            assertThat(repaired.missingEventIds()).hasSize(1);
            assertThat(repaired.rebuilt()).isTrue();
            assertThat(repaired.failure()).isNull();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_key WHERE customer_id = ?", Long.class, ghostId))
                    .isZero();

            Api.Response again = api.post("manager", "/api/customers", ghost);
            assertThat(again.status()).as("the phantom is gone: " + again).isEqualTo(201);
            Api.Response duplicate = api.post("manager", "/api/customers", real);
            assertThat(duplicate.status()).as("the real customer's keys were rebuilt").isEqualTo(409);
            assertThat(verification.verify().missingEventIds()).isEmpty();
        }
    }
}
