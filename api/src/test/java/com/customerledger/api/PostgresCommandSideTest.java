package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.storage.ContentionRetryingCommandBus;
import com.customerledger.command.WorkerLeases;
import com.customerledger.command.storage.LookupVerification;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two command instances of the ledger, each a Spring context of its own with its own read-model store,
 * on one shared PostgreSQL: the lookups, sagas, deadlines and (here, without Axon Server) the events
 * live there, so the two race each other the way command instances behind a load balancer do. 撞单
 * registrations of one farm on both, twenty claims of one customer, claims against one rep's capacity,
 * a rotation rule's turns, pool deadlines that both schedulers see, a lookup rebuild while the other
 * instance writes, and the batch worker on one instance at a time, taken over when that one stops. Skipped unless a PostgreSQL is configured ({@link TestPostgres}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "com.customerledger.api.TestPostgres#configured", disabledReason = TestPostgres.SKIPPED)
class PostgresCommandSideTest {

    /** The clock of both instances: the deadline test moves it. */
    static final MovableClockLedgerTest.MovableClock CLOCK = new MovableClockLedgerTest.MovableClock();
    static final int REPS = 21;
    private static final AtomicInteger PHONES = new AtomicInteger();

    static String url;
    static String schema;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Api a;
    static Api b;
    static JdbcTemplate db;
    static SingleConnectionDataSource connection;

    @Configuration(proxyBeanMethods = false)
    static class SharedClock {
        @Bean
        @Primary
        MovableClockLedgerTest.MovableClock movableClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        url = TestPostgres.configuredUrl();
        schema = TestPostgres.newSchema(url);
        String shared = TestPostgres.inSchema(url, schema);
        // both at once: the second waits for the first one's tables behind the schema lock
        CompletableFuture<ConfigurableApplicationContext> one = CompletableFuture.supplyAsync(() -> start(shared, "pg-a-"));
        CompletableFuture<ConfigurableApplicationContext> two = CompletableFuture.supplyAsync(() -> start(shared, "pg-b-"));
        first = one.join();
        second = two.join();
        a = new Api(((WebServerApplicationContext) first).getWebServer().getPort());
        b = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
        connection = new SingleConnectionDataSource(DriverManager.getConnection(shared), true);
        db = new JdbcTemplate(connection);
        for (int i = 1; i <= REPS; i++) {
            Api.Response rep = a.post("admin", "/api/reps", Map.of("repId", rep(i), "name", rep(i),
                    "regions", List.of(Map.of("province", "山东省")), "capacity", i == REPS ? 3 : 100));
            assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (connection != null) {
            connection.destroy();
        }
        if (schema != null) {
            TestPostgres.dropSchema(url, schema);
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl, String prefix) {
        List<String> args = ledgerArgs(jdbcUrl, prefix);
        args.addAll(List.of("--ledger.pool.scheduler-polling=100ms", "--ledger.lookups.verify-appends=true",
                "--ledger.lookups.settle=1s"));
        return new SpringApplicationBuilder(LedgerApplication.class, SharedClock.class).run(args.toArray(String[]::new));
    }

    /** The arguments of an instance on the PostgreSQL {@code jdbcUrl}: its own data directory, admin, manager and reps r01…r21. */
    static List<String> ledgerArgs(String jdbcUrl, String prefix) {
        Path dir = TestData.newDirectory(prefix);
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dir,
                "--spring.datasource.url=" + jdbcUrl, "--ledger.projections.claim-timeout=2s"));
        List<String[]> users = new ArrayList<>(List.of(new String[] {"admin", "ADMIN", ""}, new String[] {"manager", "MANAGER", ""}));
        for (int i = 1; i <= REPS; i++) {
            users.add(new String[] {rep(i), "REP", rep(i)});
        }
        for (int i = 0; i < users.size(); i++) {
            String[] user = users.get(i);
            args.add("--ledger.security.users[" + i + "].username=" + user[0]);
            args.add("--ledger.security.users[" + i + "].password={noop}" + password(user[0]));
            args.add("--ledger.security.users[" + i + "].roles=" + user[1]);
            if (!user[2].isEmpty()) {
                args.add("--ledger.security.users[" + i + "].rep-id=" + user[2]);
            }
        }
        return args;
    }

    private static String password(String user) {
        return Api.PASSWORDS.getOrDefault(user, Api.EXTRA_REP_PASSWORD);
    }

    static String rep(int i) {
        return String.format("r%02d", i);
    }

    /** 503s answered (and repeated, as a client does) after a command lost every race it was handled again for. */
    static final AtomicInteger BUSY = new AtomicInteger();

    /**
     * A call as the HTTP guide tells clients to make it: a 503 with Retry-After is repeated after that long
     * (at most five times). Under many writers of one record a command can lose all its attempts.
     */
    static Api.Response asClient(java.util.function.Supplier<Api.Response> call) throws InterruptedException {
        Api.Response answer = call.get();
        for (int i = 0; i < 5 && answer.status() == 503 && answer.raw().headers().firstValue("Retry-After").isPresent(); i++) {
            BUSY.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(answer.raw().headers().firstValue("Retry-After").get()));
            answer = call.get();
        }
        return answer;
    }

    /** Every other call goes to the other instance. */
    private static Api instance(int i) {
        return i % 2 == 0 ? a : b;
    }

    static Map<String, Object> farm(String name, String province) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "type", "FARM",
                "region", Map.of("province", province, "city", "潍坊市", "county", "寿光市"),
                "phone", "138" + (20_000_000 + PHONES.getAndIncrement())));
        return body;
    }

    @Test
    @Order(1)
    void theSameFarmRegisteredOnBothInstancesAtOnceIsOneCustomer() throws Exception {
        String creditCode = "91370783PG" + String.format("%08d", System.nanoTime() % 100_000_000);
        List<Api.Response> answers = ConcurrencyTest.race(16, i -> {
            Map<String, Object> body = farm("双实例撞单养殖场" + creditCode, "山东省");
            body.put("creditCode", creditCode);
            return asClient(() -> instance(i).post("manager", "/api/customers", body));
        });
        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as(answers.toString()).hasSize(1);
        String winner = created.get(0).text("customerId");
        List<Api.Response> refused = answers.stream().filter(r -> r.status() == 409).toList();
        assertThat(refused).as(answers.toString()).hasSize(15);
        refused.forEach(r -> {
            assertThat(r.body().path("type").asText()).endsWith("duplicate-customer");
            assertThat(r.text("existingCustomerId")).isEqualTo(winner);
        });
        assertThat(db.queryForList("SELECT DISTINCT customer_id FROM customer_key WHERE identity_key LIKE ?",
                String.class, "%" + creditCode + "%")).containsExactly(winner);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%CustomerRegisteredEvent' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Integer.class, "%" + creditCode + "%")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void twentyClaimsOfOneCustomerOnTwoInstancesMakeOneOwner() throws Exception {
        Api.Response registered = a.post("manager", "/api/customers", farm("公海争抢养殖场" + System.nanoTime(), "山东省"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.text("customerId");

        List<Api.Response> answers = ConcurrencyTest.race(20, i -> asClient(() -> instance(i).post(rep(i + 1), "/api/customers/" + id + "/claim", null)));

        List<Api.Response> won = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as(answers.toString()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 409)).as(answers.toString()).hasSize(19);
        String owner = db.queryForObject("SELECT owner_rep_id FROM customer_owner WHERE customer_id = ?", String.class, id);
        assertThat(owner).isNotNull();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%CustomerClaimedEvent'", Integer.class, "customer:" + id)).isEqualTo(1);
        answers.stream().filter(r -> r.status() == 409 && r.body().has("currentOwnerRepId"))
                .forEach(lost -> assertThat(lost.text("currentOwnerRepId")).isEqualTo(owner));
        Api.Response view = b.get("manager", "/api/customers/" + id + "?minPosition=" + won.get(0).position());
        assertThat(view.text("ownerRepId")).isEqualTo(owner);
    }

    @Test
    @Order(3)
    void claimsOnBothInstancesNeverTakeARepPastCapacity() throws Exception {
        String capped = rep(REPS); // capacity 3
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Response registered = instance(i).post("manager", "/api/customers", farm("容量养殖场" + i + "-" + System.nanoTime(), "山东省"));
            assertThat(registered.status()).isEqualTo(201);
            ids.add(registered.text("customerId"));
        }
        List<Api.Response> answers = ConcurrencyTest.race(10, i -> asClient(() -> instance(i).post(capped, "/api/customers/" + ids.get(i) + "/claim", null)));

        assertThat(answers.stream().filter(r -> r.status() == 200)).as(answers.toString()).hasSize(3);
        assertThat(answers.stream().filter(r -> r.status() == 409)).as(answers.toString()).hasSize(7)
                .allMatch(r -> r.body().path("type").asText().endsWith("rep-at-capacity"));
        assertThat(db.queryForObject("SELECT owned FROM rep_book WHERE rep_id = ?", Integer.class, capped)).isEqualTo(3);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM customer_owner WHERE owner_rep_id = ?", Integer.class, capped)).isEqualTo(3);
    }

    @Test
    @Order(4)
    void aRotationRuleHandsOutTurnsFairlyAcrossInstances() throws Exception {
        String province = "轮转省" + System.nanoTime();
        List<String> reps = List.of("rr-1", "rr-2", "rr-3", "rr-4");
        for (String rep : reps) {
            assertThat(a.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                    "regions", List.of(Map.of("province", province)), "capacity", 100)).status()).isEqualTo(201);
        }
        Map<String, Object> rule = Map.of("ruleId", "rotation", "candidates", "territory", "strategy", "ROUND_ROBIN",
                "match", Map.of("region", Map.of("province", province)));
        assertThat(a.put("admin", "/api/policies/assignment", Map.of("rules", List.of(rule))).status()).isEqualTo(200);

        List<Api.Response> answers = ConcurrencyTest.race(16, i -> asClient(() -> instance(i).post("manager", "/api/customers",
                farm("轮转养殖场" + i + "-" + System.nanoTime(), province))));

        assertThat(answers).as(answers.toString()).allMatch(r -> r.status() == 201);
        Map<String, Long> perRep = answers.stream().collect(Collectors.groupingBy(r -> r.text("ownerRepId"), Collectors.counting()));
        assertThat(perRep).as("16 customers, 4 reps in turn").isEqualTo(reps.stream().collect(Collectors.toMap(r -> r, r -> 4L)));
        for (String rep : reps) {
            assertThat(db.queryForObject("SELECT owned FROM rep_book WHERE rep_id = ?", Integer.class, rep)).isEqualTo(4);
        }
    }

    @Test
    @Order(5)
    void aLookupRebuildLocksOutTheOtherInstanceAndPutsTheKeysBack() throws Exception {
        Api.Response registered = a.post("manager", "/api/customers", farm("丢失键的养殖场" + System.nanoTime(), "山东省"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.text("customerId");
        Map<String, Object> again = farm(registered.body().path("name").asText("丢失键的养殖场"), "山东省");
        Thread.sleep(1500); // past ledger.lookups.settle, which the check counts by the ledger's clock (standing still here)
        CLOCK.advance(Duration.between(CLOCK.instant(), java.time.Instant.now()));
        // as if its lookups had never committed: keys and receipts gone, the events stored
        db.update("DELETE FROM customer_key WHERE customer_id = ?", id);
        db.update("DELETE FROM lookup_receipt WHERE aggregate_id = ?", "customer:" + id);

        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<List<Integer>> meanwhile = CompletableFuture.supplyAsync(() -> {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; writing.get() && i < 200; i++) {
                statuses.add(b.post("manager", "/api/customers", farm("重建期间养殖场" + i + "-" + System.nanoTime(), "山东省")).status());
            }
            return statuses;
        });
        LookupVerification checkA = first.getBean(LookupVerification.class);
        LookupVerification checkB = second.getBean(LookupVerification.class);
        CompletableFuture<LookupVerification.Result> onB = CompletableFuture.supplyAsync(checkB::verify);
        LookupVerification.Result onA = checkA.verify();
        LookupVerification.Result other = onB.join();
        writing.set(false);
        List<Integer> statuses = meanwhile.join();

        // one of the two found the registration without its keys and rebuilt; the other did not rebuild a second time
        List<LookupVerification.Result> results = List.of(onA, other);
        assertThat(results.stream().filter(LookupVerification.Result::rebuilt)).as(results.toString()).hasSize(1);
        assertThat(results.stream().flatMap(r -> r.missingEventIds().stream()).toList()).isNotEmpty();
        assertThat(statuses).as("writes during the rebuild").isNotEmpty().allMatch(status -> status == 201);
        assertThat(db.queryForList("SELECT customer_id FROM customer_key WHERE customer_id = ?", String.class, id)).isNotEmpty();
        Map<String, Object> duplicate = new HashMap<>(again);
        duplicate.put("name", db.queryForObject("SELECT name FROM customer_facts WHERE customer_id = ?", String.class, id));
        Api.Response refused = b.post("manager", "/api/customers", duplicate);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("existingCustomerId")).isEqualTo(id);
        // the writes made during the rebuild kept their lookups: each is a 撞单 when registered again
        assertThat(db.queryForObject("SELECT COUNT(*) FROM customer_facts", Integer.class))
                .isEqualTo(db.queryForObject("SELECT COUNT(*) FROM customer_owner", Integer.class));
    }

    @Test
    @Order(6)
    void poolDeadlinesStoredInPostgresqlFireOnceAcrossBothSchedulers() throws Exception {
        assertThat(a.put("admin", "/api/policies/pool", Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90,
                "reminderDaysBefore", 5)).status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = farm("到期养殖场" + i + "-" + System.nanoTime(), "山东省");
            body.put("ownerRepId", rep(1 + i % 4));
            Api.Response registered = instance(i).post("manager", "/api/customers", body);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            ids.add(registered.text("customerId"));
        }
        assertThat(db.queryForObject("SELECT COUNT(*) FROM SagaEntry", Integer.class)).isGreaterThanOrEqualTo(ids.size());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class)).isGreaterThanOrEqualTo(ids.size());

        CLOCK.advance(Duration.ofDays(31));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (released(ids) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1500); // both schedulers poll many times more
        for (String id : ids) {
            assertThat(db.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                    + "AND payloadType LIKE '%CustomerReleasedEvent'", Integer.class, "customer:" + id)).as(id).isEqualTo(1);
        }
        Set<String> pickedBy = Set.copyOf(db.queryForList("SELECT DISTINCT picked_by FROM scheduled_tasks WHERE picked_by IS NOT NULL", String.class));
        assertThat(pickedBy).as("nothing left picked").isEmpty();
        long retries = IntStream.range(0, 2).mapToLong(i -> (i == 0 ? first : second).getBean(ContentionRetryingCommandBus.class).retries()).sum();
        System.out.println("PostgresCommandSideTest: commands handled again after a lost race on both instances: " + retries
                + "; 503 answers repeated by the racing clients: " + BUSY.get());
    }

    @Test
    @Order(7)
    void oneInstanceRunsTheBatchWorkerAndTheOtherTakesItOverWhenItStops() throws Exception {
        String worker = "transfer-batch-runner";
        boolean firstHolds = first.getBean(WorkerLeases.class).holds(worker);
        ConfigurableApplicationContext holder = firstHolds ? first : second;
        ConfigurableApplicationContext other = firstHolds ? second : first;
        assertThat(other.getBean(WorkerLeases.class).holds(worker)).as("the lease is one instance's").isFalse();
        assertThat(other.getBean(WorkerLeases.class).holds("webhook-dispatcher")
                ^ holder.getBean(WorkerLeases.class).holds("webhook-dispatcher")).as("so is the dispatcher's").isTrue();
        Api api = other == first ? a : b;
        for (String rep : List.of("leaver", "heir")) {
            assertThat(api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 100)).status()).isEqualTo(201);
        }
        List<String> book = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = farm("离职交接养殖场" + i + "-" + System.nanoTime(), "山东省");
            body.put("ownerRepId", "leaver");
            book.add(api.post("manager", "/api/customers", body).text("customerId"));
        }

        holder.close();
        Api.Response departed = api.post("manager", "/api/reps/leaver/departure", Map.of("successorRepId", "heir", "reason", "交接"));
        assertThat(departed.status()).as(departed.toString()).isEqualTo(202);
        com.fasterxml.jackson.databind.JsonNode batch = BatchApiTest.awaitBatch(api, departed.text("batchId"), departed.position());
        assertThat(batch.get("done").asInt()).isEqualTo(6);
        assertThat(other.getBean(WorkerLeases.class).holds(worker)).as("taken over").isTrue();
        for (String id : book) {
            assertThat(db.queryForObject("SELECT owner_rep_id FROM customer_owner WHERE customer_id = ?", String.class, id)).isEqualTo("heir");
            assertThat(db.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE "
                    + "'%CustomerTransferredEvent'", Integer.class, "customer:" + id)).as(id).isEqualTo(1);
        }
        assertThat(db.queryForObject("SELECT owned FROM rep_book WHERE rep_id = 'heir'", Integer.class)).isEqualTo(6);
    }

    private static int released(List<String> ids) {
        return db.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%CustomerReleasedEvent' "
                + "AND aggregateIdentifier IN (" + ids.stream().map(id -> "'customer:" + id + "'").collect(Collectors.joining(","))
                + ")", Integer.class);
    }
}
