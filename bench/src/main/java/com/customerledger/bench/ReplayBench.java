package com.customerledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays only: loads a data directory once (customers and mix commands over HTTP, as the benchmark
 * command does), or takes one it loaded before ({@code --data DIR} kept between runs), starts the
 * packaged jar on it and replays all projections {@code --rounds} times, printing events/s and the
 * ledger's CPU milliseconds per replayed event of each round and this machine's fdatasync rate.
 * {@code --jvm} adds a JVM option to the ledger's command line (e.g. a flight recording).
 * {@code --lag-rate N} (0: none) then measures the projection lag as the benchmark command does:
 * registrations paced at N/s for {@code --lag-seconds}, each followed by a read of that customer
 * with {@code ?minPosition=} of the write's answer. The lag phase adds customers to the data
 * directory: copy a loaded one for each run to replay the same events.
 */
public final class ReplayBench {

    private ReplayBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--data", "target/bench/replay-data",
                "--jar", "api/target/customer-ledger.jar", "--customers", "5000", "--events", "10000",
                "--rounds", "3", "--lag-rate", "0", "--lag-seconds", "20"));
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (i + 1 == args.length || !(options.containsKey(args[i]) || args[i].equals("--jvm"))) {
                System.err.println("options: " + options.keySet() + " --jvm OPTION (repeatable)");
                System.exit(2);
            }
            if (args[i].equals("--jvm")) {
                jvm.add(args[++i]);
            } else {
                options.put(args[i], args[++i]);
            }
        }
        Path data = Path.of(options.get("--data")).toAbsolutePath();
        Path jar = Path.of(options.get("--jar")).toAbsolutePath();
        boolean loaded = Files.isDirectory(data) && Files.list(data).findAny().isPresent();
        Files.createDirectories(data);
        Path log = data.resolveSibling(data.getFileName() + ".log");
        Path gcLog = data.resolveSibling(data.getFileName() + "-gc.log");
        double fsync = FsyncProbe.syncsPerSecond(data.getParent(), Duration.ofSeconds(2));
        System.out.printf(Locale.ROOT, "fdatasync: %,.0f/s%n", fsync);
        if (!loaded) {
            try (LedgerProcess process = LedgerProcess.start(jar, data, log, gcLog)) {
                LedgerClient ledger = new LedgerClient(process.baseUri());
                for (String rep : Workload.REPS) {
                    ledger.registerRep(rep);
                }
                Workload workload = new Workload(ledger);
                Load.count(8, Long.parseLong(options.get("--customers")), worker -> workload.registrations());
                long events = Long.parseLong(options.get("--events"));
                while (ledger.head() < events) {
                    Load.count(8, Math.max(500, events - ledger.head()), workload::mix);
                }
                ledger.awaitProjectionsAtHead(Duration.ofMinutes(30));
                System.out.printf(Locale.ROOT, "loaded %,d events into %s%n", ledger.head(), data);
            }
        }
        try (LedgerProcess process = LedgerProcess.start(jar, data, log, gcLog, jvm)) {
            LedgerClient ledger = new LedgerClient(process.baseUri());
            ledger.awaitProjectionsAtHead(Duration.ofMinutes(30));
            int rounds = Integer.parseInt(options.get("--rounds"));
            for (int round = 1; round <= rounds; round++) {
                long head = ledger.head();
                double cpu = process.cpuMillis();
                long start = System.nanoTime();
                for (LedgerClient.Projection projection : ledger.projections()) {
                    LedgerClient.Answer answer = ledger.post("admin", "/api/admin/projections/" + projection.name()
                            + "/replay", "");
                    // 503: the read-model store did not answer in time (a busy machine); the replay may be tried again
                    for (int retry = 0; retry < 5 && answer.status() == 503; retry++) {
                        Thread.sleep(1000);
                        answer = ledger.post("admin", "/api/admin/projections/" + projection.name() + "/replay", "");
                    }
                    if (!answer.ok()) {
                        throw new IllegalStateException("replay of " + projection.name() + ": " + answer);
                    }
                }
                ledger.awaitProjectionsAtHead(Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuPerEvent = (process.cpuMillis() - cpu) / head;
                System.out.printf(Locale.ROOT, "round %d: %,d events, %,.0f events/s (%.1f s, %.4f × fdatasync), "
                                + "%.3f ms CPU/event, load average %s%n", round, head, head / seconds, seconds,
                        head / seconds / fsync, cpuPerEvent, Files.readString(Path.of("/proc/loadavg")).trim());
            }
            double rate = Double.parseDouble(options.get("--lag-rate"));
            if (rate > 0) {
                // numbered past every registration so far: each event adds at most one customer
                Workload workload = new Workload(ledger, 10 * ledger.head() + 1_000_000);
                org.HdrHistogram.ConcurrentHistogram lag = Workload.lagHistogram();
                double cpu = process.cpuMillis();
                Load.Result result = Load.paced(128, rate, Duration.ofSeconds(Long.parseLong(options.get("--lag-seconds"))),
                        worker -> workload.lagProbe(lag));
                System.out.printf(Locale.ROOT, "lag: paced at %.0f/s, achieved %,.0f/s (%d failed), write answered → visible "
                                + "via ?minPosition= p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.2f ms CPU/registration; "
                                + "load average %s%n", rate, result.perSecond(), result.failed(),
                        lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(90) / 1000.0,
                        lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0,
                        (process.cpuMillis() - cpu) / Math.max(1, result.ok()), Files.readString(Path.of("/proc/loadavg")).trim());
            }
        }
    }
}
