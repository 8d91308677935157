package com.customerledger.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the real application on the real embedded stores (H2 file event
 * store, MongoDB-protocol server on an H2 file) in a fresh data directory, driven over HTTP. All
 * subclasses share one running application (their configuration must stay identical, or a second
 * context would open the same files), so each test uses its own customers.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedLedgerTest {

    static final Path DATA_DIR = TestData.newDirectory("ledger-test-");
    /** Reps r01..r50 exist as users so that many different reps can race for one customer. */
    static final int EXTRA_REPS = 50;
    static final int SNAPSHOT_THRESHOLD = 5;
    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    int port;
    protected Api api;

    @DynamicPropertySource
    static void embeddedStores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        // every test's customers with more than a few events are loaded from snapshots
        registry.add("ledger.snapshots.customer-threshold", () -> SNAPSHOT_THRESHOLD);
        testUsers(registry);
    }

    static void testUsers(DynamicPropertyRegistry registry) {
        List<Map<String, String>> users = new java.util.ArrayList<>(List.of(
                Map.of("username", "admin", "password", "{noop}admin-pass", "roles", "ADMIN"),
                Map.of("username", "manager", "password", "{noop}manager-pass", "roles", "MANAGER"),
                Map.of("username", "auditor", "password", "{noop}auditor-pass", "roles", "AUDITOR"),
                Map.of("username", "rep-a", "password", "{noop}rep-a-pass", "roles", "REP", "rep-id", "rep-a"),
                Map.of("username", "rep-b", "password", "{noop}rep-b-pass", "roles", "REP", "rep-id", "rep-b")));
        for (int i = 1; i <= EXTRA_REPS; i++) {
            String rep = extraRep(i);
            users.add(Map.of("username", rep, "password", "{noop}" + Api.EXTRA_REP_PASSWORD, "roles", "REP", "rep-id", rep));
        }
        for (int i = 0; i < users.size(); i++) {
            int index = i;
            users.get(i).forEach((key, value) -> registry.add("ledger.security.users[" + index + "]." + key, () -> value));
        }
    }

    static String extraRep(int i) {
        return String.format("r%02d", i);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Registers a rep as the admin; repeating it with the same data is harmless. */
    protected long registerRep(String repId, int capacity) {
        Api.Response response = api.post("admin", "/api/reps", Map.of("repId", repId, "name", "代表" + repId,
                "regions", List.of(Map.of("province", "山东省")), "productLines", List.of("feed"),
                "customerTypes", List.of("FARM", "DEALER"), "capacity", capacity));
        if (response.status() != 201) {
            throw new IllegalStateException("could not register " + repId + ": " + response);
        }
        return response.position();
    }

    /** A customer body no other test uses: unique name, phone and credit code. */
    protected static Map<String, Object> newCustomer(String ownerRepId) {
        String unique = UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "name", "绿源养殖场" + unique.substring(0, 10),
                "type", "FARM",
                "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"),
                "phone", "139" + (10_000_000 + PHONES.getAndIncrement()),
                "creditCode", "91370783" + unique.substring(0, 10).toUpperCase(),
                "contacts", List.of(Map.of("name", "王经理", "phone", "13900000000")),
                "species", List.of("pig"),
                "productLines", List.of("feed")));
        if (ownerRepId != null) {
            body.put("ownerRepId", ownerRepId);
        }
        return body;
    }
}
