package com.customerledger.api.bench;

import com.customerledger.api.LedgerApplication;
import com.customerledger.api.TestData;
import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.assignment.PublishAssignmentPolicyCommand;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.RegisterCustomerCommand;
import com.customerledger.command.customer.RegistrationResult;
import com.customerledger.command.rep.DepartRepCommand;
import com.customerledger.command.rep.RegisterRepCommand;
import com.customerledger.command.rep.RepId;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.AssignmentStrategy;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assignment throughput: N registrations without an owner, each decided by a round-robin territory
 * rule over 20 reps, sent through the command bus by several threads on the real embedded stores;
 * then the departure of one rep whose book is moved through the rules. Prints figures; asserts only
 * that nothing was lost. Run with: ./mvnw -B -pl api -am -Pbenchmark verify
 * (-Dbench.registrations=100000 -Dbench.threads=4 to change the size).
 */
@Tag("benchmark")
class AssignmentBenchmarkTest {

    private static final Actor ADMIN = new Actor("admin", null, Set.of(Role.ADMIN));
    private static final Actor MANAGER = new Actor("manager", null, Set.of(Role.MANAGER));
    private static final Region SHANDONG = new Region("山东省", null, null);

    @Test
    void assignAndDepart() throws Exception {
        int registrations = Integer.getInteger("bench.registrations", 100_000);
        int threads = Integer.getInteger("bench.threads", 4);
        int departing = Integer.getInteger("bench.departing", 10_000);
        int reps = 20;
        Path dataDir = TestData.newDirectory("ledger-bench-");
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--logging.level.root=warn")) {
            CommandGateway commands = ledger.getBean(CommandGateway.class);
            for (int r = 0; r < reps; r++) {
                send(commands, new RegisterRepCommand(new RepId(rep(r)), rep(r), List.of(SHANDONG), List.of(),
                        List.of(), registrations + departing, null, ADMIN), ADMIN);
            }
            send(commands, PublishAssignmentPolicyCommand.of(List.of(new AssignmentRule("shandong", SHANDONG, null, null,
                    true, List.of(), AssignmentStrategy.ROUND_ROBIN)), ADMIN), ADMIN);

            Map<String, LongAdder> perRep = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>(registrations));
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < registrations; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        RegistrationResult result = send(commands, new RegisterCustomerCommand(new CustomerId("b" + i),
                                profile("基准客户" + i), null, MANAGER), MANAGER);
                        latencies.add(System.nanoTime() - sent);
                        perRep.computeIfAbsent(result.ownerRepId(), k -> new LongAdder()).increment();
                        if ((i + 1) % 10_000 == 0) {
                            System.out.printf("  %,d registrations%n", i + 1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            Collections.sort(latencies);
            Map<String, Long> distribution = new TreeMap<>();
            perRep.forEach((rep, count) -> distribution.put(rep, count.sum()));
            long total = distribution.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%nassignment: %,d registrations by %d threads in %.1f s = %.0f assignments/s%n",
                    registrations, threads, seconds, registrations / seconds);
            System.out.printf("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(latencies, 50),
                    percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
            System.out.printf("per rep (min %d, max %d, sum %,d): %s%n",
                    distribution.values().stream().mapToLong(Long::longValue).min().orElse(0),
                    distribution.values().stream().mapToLong(Long::longValue).max().orElse(0), total, distribution);
            if (total != registrations) {
                throw new AssertionError("lost assignments: " + total + " of " + registrations);
            }

            // the departure of a rep with a book of `departing` customers, moved through the rules
            String leaver = "leaver";
            send(commands, new RegisterRepCommand(new RepId(leaver), leaver, List.of(), List.of(), List.of(), departing, null,
                    ADMIN), ADMIN);
            for (int i = 0; i < departing; i++) {
                send(commands, new RegisterCustomerCommand(new CustomerId("d" + i), profile("离职代表客户" + i), leaver,
                        MANAGER), MANAGER);
            }
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            long departStarted = System.nanoTime();
            send(commands, new DepartRepCommand(new RepId(leaver), null, "benchmark", null, "bench-departure", MANAGER),
                    MANAGER);
            String status;
            do {
                Thread.sleep(1000);
                status = jdbc.queryForObject("SELECT status FROM transfer_batch WHERE batch_id = 'bench-departure'",
                        String.class);
                Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_batch_item WHERE batch_id = "
                        + "'bench-departure' AND status <> 'PENDING'", Integer.class);
                System.out.printf("  departure progress: %,d of %,d%n", done, departing);
            } while (!"COMPLETED".equals(status));
            double departSeconds = (System.nanoTime() - departStarted) / 1e9;
            Integer moved = jdbc.queryForObject("SELECT COUNT(*) FROM transfer_batch_item WHERE batch_id = "
                    + "'bench-departure' AND status = 'DONE'", Integer.class);
            System.out.printf("departure: %,d customers moved through the rules in %.1f s = %.0f customers/s%n",
                    moved, departSeconds, moved / departSeconds);
            if (moved != departing) {
                throw new AssertionError("departure moved " + moved + " of " + departing);
            }
        }
        BenchData.reportAndRemove(dataDir);
    }

    private static String rep(int r) {
        return String.format("rep-%02d", r);
    }

    private static CustomerProfile profile(String name) {
        return new CustomerProfile(name, CustomerType.FARM, new Region("山东省", "潍坊市", "寿光市"), null, null, null,
                List.of(), null, List.of(), List.of(), List.of(), null);
    }

    private static <R> R send(CommandGateway commands, Object command, Actor actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("userId", actor.userId(), "traceId", "benchmark")));
    }

    private static double percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
