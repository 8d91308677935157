package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the real application on the real embedded stores (SQLite event
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
    static final String WORKFLOW_MANAGER = "lead-w";
    static final String WORKFLOW_REP = "rep-w";
    static final int SNAPSHOT_THRESHOLD = 5;
    static final String IMPORT_LIMIT = "1MB";
    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate eventStore;
    protected Api api;

    @DynamicPropertySource
    static void embeddedStores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", DATA_DIR::toString);
        // every test's customers with more than a few events are loaded from snapshots
        registry.add("ledger.snapshots.customer-threshold", () -> SNAPSHOT_THRESHOLD);
        // small enough for a test to go over it (ImportApiTest)
        registry.add("ledger.imports.max-file-size", () -> IMPORT_LIMIT);
        // a receiver that is down is retried within a test's patience
        registry.add("ledger.webhooks.poll", () -> "100ms");
        registry.add("ledger.webhooks.backoff", () -> "200ms");
        registry.add("ledger.webhooks.max-backoff", () -> "1s");
        testUsers(registry);
    }

    static void testUsers(DynamicPropertyRegistry registry) {
        List<Map<String, String>> users = new java.util.ArrayList<>(List.of(
                Map.of("username", "admin", "password", "{noop}admin-pass", "roles", "ADMIN"),
                Map.of("username", "manager", "password", "{noop}manager-pass", "roles", "MANAGER"),
                Map.of("username", "auditor", "password", "{noop}auditor-pass", "roles", "AUDITOR"),
                Map.of("username", "rep-a", "password", "{noop}rep-a-pass", "roles", "REP", "rep-id", "rep-a"),
                Map.of("username", "rep-b", "password", "{noop}rep-b-pass", "roles", "REP", "rep-id", "rep-b"),
                Map.of("username", "finance", "password", "{noop}finance-pass", "roles", "FINANCE"),
                Map.of("username", "warehouse", "password", "{noop}warehouse-pass", "roles", "WAREHOUSE"),
                Map.of("username", "dealer-a", "password", "{noop}dealer-a-pass", "roles", "DEALER", "customer-id", "c-dealer-a"),
                Map.of("username", "dealer-b", "password", "{noop}dealer-b-pass", "roles", "DEALER", "customer-id", "c-dealer-b"),
                Map.of("username", "agro-a", "password", "{noop}agro-a-pass", "roles", "AGRONOMIST"),
                Map.of("username", "agro-b", "password", "{noop}" + Api.EXTRA_REP_PASSWORD, "roles", "AGRONOMIST")));
        // a rep and the rep who manages it, for the workflows' tests (no other test registers them)
        for (String rep : List.of(WORKFLOW_MANAGER, WORKFLOW_REP)) {
            users.add(Map.of("username", rep, "password", "{noop}" + Api.EXTRA_REP_PASSWORD, "roles", "REP", "rep-id", rep));
        }
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

    /** The ids of the events stored for one aggregate ({@code customer:…}, {@code rep:…}, {@code opportunity:…}), in order. */
    protected List<String> storedEventIds(String aggregateId) {
        return eventStore.queryForList("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", String.class, aggregateId);
    }

    /** A customer's events as the auditor reads them: their ids in order (the audit trail, not the ledger's head). */
    protected List<String> customerEventIds(String customerId) {
        List<String> ids = new java.util.ArrayList<>();
        api.get("auditor", "/api/audit/events?customerId=" + customerId).body()
                .forEach(event -> ids.add(event.get("eventId").asText()));
        return ids;
    }

    /**
     * What a refused write to a customer must leave alone: its event stream and its 360 view, read once
     * the view has applied the customer's last event (the deals window's moving start left out).
     */
    protected Supplier<Object> customerState(String customerId) {
        return () -> {
            JsonNode events = api.get("auditor", "/api/audit/events?customerId=" + customerId).body();
            List<String> ids = new java.util.ArrayList<>();
            events.forEach(event -> ids.add(event.get("eventId").asText()));
            // the view also shows what other aggregates' events did (opportunities, rep changes): read it at the head
            Api.Response view = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + headPosition());
            JsonNode body = view.body().deepCopy();
            if (body.path("dealsLast12Months") instanceof ObjectNode deals) {
                deals.remove("since");
            }
            return List.of(ids, view.status(), body);
        };
    }

    /** What a refused write to a rep must leave alone: its event stream and its view. */
    protected Supplier<Object> repState(String repId) {
        return () -> {
            List<String> ids = storedEventIds("rep:" + repId);
            // a rep's load comes from customers' events: read the view at the head
            Api.Response view = api.get("manager", "/api/reps/" + repId + "?minPosition=" + headPosition());
            return List.of(ids, view.status(), view.body());
        };
    }

    /** What a refused write to any other aggregate must leave alone: its event stream. */
    protected Supplier<Object> streamOf(String aggregateId) {
        return () -> storedEventIds(aggregateId);
    }

    private long headPosition() {
        Long last = eventStore.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * Sends a write that must be refused with {@code status} and checks that it stored and changed
     * nothing of what {@code state} reads (the aggregate's own events and its read model).
     */
    protected static Api.Response assertRefused(int status, Supplier<Object> state, Supplier<Api.Response> write) {
        Object before = state.get();
        Api.Response response = write.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(state.get()).as("after the refused %s", response).isEqualTo(before);
        return response;
    }

    /**
     * Waits (bounded) until the wall clock has passed {@code instant} by at least a millisecond, so
     * that the next write is recorded strictly after it at the millisecond precision the ledger keeps.
     */
    protected static void awaitClockPast(Instant instant) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(instant.truncatedTo(ChronoUnit.MILLIS))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the clock did not pass " + instant);
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
