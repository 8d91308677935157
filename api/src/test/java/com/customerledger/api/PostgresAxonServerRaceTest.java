package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production shape of the command side: two command instances on Axon Server, both keeping their
 * lookups, sagas and deadlines in one PostgreSQL, and a query instance on MongoDB, as the compose file
 * runs them with a second command instance. The same farm registered on both command instances at once
 * is one customer and 409s; twenty claims of one customer across both make one owner; claims against
 * one rep's capacity and a rotation rule's turns hold across instances. Needs Docker; skipped cleanly
 * without (PostgresCommandSideTest runs the same races on a local PostgreSQL with the JDBC event store).
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresAxonServerRaceTest {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17").withDevMode(true);
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");
    @Container
    @SuppressWarnings("resource")
    static final GenericContainer<?> POSTGRES = new GenericContainer<>("postgres:15")
            .withEnv(Map.of("POSTGRES_DB", "ledger", "POSTGRES_USER", "ledger", "POSTGRES_PASSWORD", "ledger"))
            .withExposedPorts(5432)
            // the image's entrypoint starts the server twice (initialisation, then for real)
            .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2)
                    .withStartupTimeout(Duration.ofMinutes(2)));

    static ConfigurableApplicationContext firstCommand;
    static ConfigurableApplicationContext secondCommand;
    static ConfigurableApplicationContext query;
    static Api one;
    static Api two;
    static Api reads;
    static JdbcTemplate db;

    @BeforeAll
    static void start() {
        String jdbcUrl = "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432)
                + "/ledger?user=ledger&password=ledger";
        firstCommand = start("command", jdbcUrl, "pg-axon-c1-");
        secondCommand = start("command", jdbcUrl, "pg-axon-c2-");
        query = start("query", null, "pg-axon-q-");
        one = api(firstCommand);
        two = api(secondCommand);
        reads = api(query);
        db = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl));
        for (int i = 1; i <= PostgresCommandSideTest.REPS; i++) {
            Api.Response rep = one.post("admin", "/api/reps", Map.of("repId", PostgresCommandSideTest.rep(i),
                    "name", PostgresCommandSideTest.rep(i), "regions", List.of(Map.of("province", "山东省")),
                    "capacity", i == PostgresCommandSideTest.REPS ? 3 : 100));
            assertThat(rep.status()).as(rep.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {query, secondCommand, firstCommand}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(String role, String jdbcUrl, String prefix) {
        List<String> args = PostgresCommandSideTest.ledgerArgs(jdbcUrl == null ? "" : jdbcUrl, prefix);
        if (jdbcUrl == null) {
            args.removeIf(arg -> arg.startsWith("--spring.datasource.url="));
        }
        args.addAll(List.of("--axon.axonserver.enabled=true",
                "--axon.axonserver.servers=" + AXON_SERVER.getHost() + ":" + AXON_SERVER.getGrpcPort(),
                "--spring.data.mongodb.uri=" + MONGO.getReplicaSetUrl("ledger")));
        return new SpringApplicationBuilder(LedgerApplication.class).profiles(role).run(args.toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext ledger) {
        return new Api(((WebServerApplicationContext) ledger).getWebServer().getPort());
    }

    private static Api command(int i) {
        return i % 2 == 0 ? one : two;
    }

    @Test
    void theSameFarmRegisteredOnBothCommandInstancesIsOneCustomer() throws Exception {
        String creditCode = "91370783AX" + String.format("%08d", System.nanoTime() % 100_000_000);
        List<Api.Response> answers = ConcurrencyTest.race(16, i -> {
            Map<String, Object> body = PostgresCommandSideTest.farm("两个命令实例养殖场" + creditCode, "山东省");
            body.put("creditCode", creditCode);
            return PostgresCommandSideTest.asClient(() -> command(i).post("manager", "/api/customers", body));
        });
        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).as(answers.toString()).hasSize(1);
        String winner = created.get(0).text("customerId");
        assertThat(answers.stream().filter(r -> r.status() == 409)).as(answers.toString()).hasSize(15)
                .allMatch(r -> winner.equals(r.text("existingCustomerId")));
        assertThat(db.queryForList("SELECT DISTINCT customer_id FROM customer_key WHERE identity_key LIKE ?",
                String.class, "%" + creditCode + "%")).containsExactly(winner);
        Api.Response view = reads.get("manager", "/api/customers?q=" + creditCode + "&minPosition=" + created.get(0).position());
        assertThat(view.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void twentyClaimsAcrossBothCommandInstancesMakeOneOwner() throws Exception {
        Api.Response registered = one.post("manager", "/api/customers",
                PostgresCommandSideTest.farm("两实例公海养殖场" + System.nanoTime(), "山东省"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.text("customerId");
        List<Api.Response> answers = ConcurrencyTest.race(20, i -> PostgresCommandSideTest.asClient(() -> command(i).post(
                PostgresCommandSideTest.rep(i + 1), "/api/customers/" + id + "/claim", null)));
        List<Api.Response> won = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(won).as(answers.toString()).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 409)).hasSize(19);
        String owner = db.queryForObject("SELECT owner_rep_id FROM customer_owner WHERE customer_id = ?", String.class, id);
        Api.Response view = reads.get("manager", "/api/customers/" + id + "?minPosition=" + won.get(0).position());
        assertThat(view.text("ownerRepId")).isEqualTo(owner).isNotNull();
    }

    @Test
    void aRepsCapacityAndARotationsTurnsHoldAcrossCommandInstances() throws Exception {
        String capped = PostgresCommandSideTest.rep(PostgresCommandSideTest.REPS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Response registered = command(i).post("manager", "/api/customers",
                    PostgresCommandSideTest.farm("两实例容量养殖场" + i + "-" + System.nanoTime(), "山东省"));
            assertThat(registered.status()).isEqualTo(201);
            ids.add(registered.text("customerId"));
        }
        List<Api.Response> claims = ConcurrencyTest.race(10, i -> PostgresCommandSideTest.asClient(() -> command(i).post(capped,
                "/api/customers/" + ids.get(i) + "/claim", null)));
        assertThat(claims.stream().filter(r -> r.status() == 200)).as(claims.toString()).hasSize(3);
        assertThat(claims.stream().filter(r -> r.status() == 409)).hasSize(7);
        assertThat(db.queryForObject("SELECT owned FROM rep_book WHERE rep_id = ?", Integer.class, capped)).isEqualTo(3);

        String province = "两实例轮转省" + System.nanoTime();
        List<String> reps = List.of("ax-rr-1", "ax-rr-2", "ax-rr-3", "ax-rr-4");
        for (String rep : reps) {
            assertThat(one.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                    "regions", List.of(Map.of("province", province)), "capacity", 100)).status()).isEqualTo(201);
        }
        assertThat(two.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of("ruleId", "rotation",
                "candidates", "territory", "strategy", "ROUND_ROBIN", "match", Map.of("region", Map.of("province", province))))))
                .status()).isEqualTo(200);
        List<Api.Response> registrations = ConcurrencyTest.race(16, i -> PostgresCommandSideTest.asClient(() -> command(i).post(
                "manager", "/api/customers", PostgresCommandSideTest.farm("两实例轮转养殖场" + i + "-" + System.nanoTime(), province))));
        assertThat(registrations).as(registrations.toString()).allMatch(r -> r.status() == 201);
        assertThat(registrations.stream().collect(Collectors.groupingBy(r -> r.text("ownerRepId"), Collectors.counting())))
                .isEqualTo(reps.stream().collect(Collectors.toMap(r -> r, r -> 4L)));
    }
}
