package com.customerledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The benchmark command. Starts the packaged ledger on a fresh data directory as a separate process,
 * measures it over HTTP phase by phase, prints one table and writes the figures as JSON:
 *
 * <pre>java -jar bench/target/ledger-bench.jar [--size small|full] [--out target/bench] [--jar api/target/customer-ledger.jar]</pre>
 */
public final class Main {

    /** How big a run is: seconds per throughput phase, customers loaded for the reads, events for the replay. */
    record Size(String name, Duration phase, long customers, long events, int readsEach) {

        static Size named(String name) {
            return switch (name) {
                case "small" -> new Size(name, Duration.ofSeconds(10), 5_000, 10_000, 500);
                case "full" -> new Size(name, Duration.ofSeconds(30), 100_000, 1_000_000, 2_000);
                default -> throw new IllegalArgumentException("--size is small or full, not " + name);
            };
        }
    }

    record Options(Size size, Path out, Path jar) {

        static Options parse(String... args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--size", "small", "--out", "target/bench",
                    "--jar", "api/target/customer-ledger.jar"));
            for (int i = 0; i < args.length; i++) {
                if (!values.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException("usage: [--size small|full] [--out DIR] [--jar LEDGER_JAR]; not "
                            + args[i]);
                }
                values.put(args[i], args[++i]);
            }
            return new Options(Size.named(values.get("--size")), Path.of(values.get("--out")),
                    Path.of(values.get("--jar")));
        }
    }

    private static final int[] CONCURRENCY = {1, 8, 32};
    private static final double LAG_RATE = 500;
    private static final int LAG_THREADS = 128;
    private static final Duration CATCH_UP = Duration.ofMinutes(30);

    private final Options options;
    private final Report report = new Report();
    private volatile LedgerClient ledger;
    private double idleCpuPerSecond;
    private LedgerProcess process;
    private int starts;

    private Main(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("no ledger jar at " + options.jar() + "; build it with ./mvnw -B -DskipTests package");
            System.exit(2);
        }
        new Main(options).run();
    }

    private void run() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = options.out().resolve("data-" + stamp).toAbsolutePath();
        Path log = options.out().resolve("ledger-" + stamp + ".log").toAbsolutePath();
        Files.createDirectories(dataDir);
        report.put("size", options.size().name());
        report.put("startedAt", stamp);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverageAtStart", loadAverage());

        double fsyncBefore = FsyncProbe.syncsPerSecond(dataDir.getParent(), Duration.ofSeconds(2));
        say("fdatasync before: %,.0f/s", fsyncBefore);

        start(dataDir, log);
        for (String rep : Workload.REPS) {
            ledger.registerRep(rep);
        }
        Workload workload = new Workload(ledger);
        warmUp(workload);
        idleCpu();
        double fsync = fsyncBefore;
        for (int threads : CONCURRENCY) {
            phase("registrations at concurrency " + threads, "registrations.c" + threads, fsync,
                    () -> Load.closedLoop(threads, options.size().phase(), worker -> workload.registrations()));
        }
        for (int threads : CONCURRENCY) {
            phase("mix (register, claim, transfer, visit, deal) at concurrency " + threads, "mix.c" + threads, fsync,
                    () -> Load.closedLoop(threads, options.size().phase(), workload::mix));
        }
        lag(workload);
        load(workload, dataDir);
        reads(workload);
        long firstRss = process.peakRssBytes();
        long firstHeap = process.peakHeapBytes();
        say("restarting the ledger");
        process.close();
        start(dataDir, log);
        ledger.awaitProjectionsAtHead(CATCH_UP);
        disk("after a restart", "diskAfterRestart", dataDir);
        replay();
        long peakRss = Math.max(firstRss, process.peakRssBytes());
        long peakHeap = Math.max(firstHeap, process.peakHeapBytes());
        process.close();

        report.add("peak heap (largest occupancy before a GC, -Xlog:gc, both runs)", mib(peakHeap), "peakHeapBytes",
                peakHeap);
        report.add("peak RSS (VmHWM of the child, both runs)", mib(peakRss), "peakRssBytes", peakRss);
        double fsyncAfter = FsyncProbe.syncsPerSecond(dataDir.getParent(), Duration.ofSeconds(2));
        report.add("fdatasync rate, 512-byte writes (before / after the load)",
                String.format(Locale.ROOT, "%,.0f/s / %,.0f/s", fsyncBefore, fsyncAfter), "fdatasync",
                Map.of("beforePerSecond", fsyncBefore, "afterPerSecond", fsyncAfter));
        report.put("loadAverageAtEnd", loadAverage());
        report.put("ledgerLog", log.toString());
        removeRecursively(dataDir);

        Path json = options.out().resolve("bench-" + stamp + ".json");
        report.writeJson(json);
        System.out.println();
        System.out.println("Customer Ledger benchmark, size " + options.size().name() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage()
                + "; ratios are to the fdatasync rate before the load");
        System.out.println(report.table());
        System.out.println("JSON: " + json);
    }

    private interface Phase {
        Load.Result run() throws Exception;
    }

    /** One throughput phase; its CPU counts until the projections have applied what it wrote. */
    private void phase(String what, String key, double fsync, Phase phase) throws Exception {
        say("%s …", what);
        double cpu = process.cpuMillis();
        long start = System.nanoTime();
        Load.Result result = phase.run();
        ledger.awaitProjectionsAtHead(CATCH_UP);
        double idle = idleCpuPerSecond * (System.nanoTime() - start) / 1e9;
        report.throughput(what, key, result, process.cpuMillis() - cpu, idle, fsync);
    }

    /** CPU the ledger uses doing nothing (pollers, audit linking), so that CPU per command can be read against it. */
    private void idleCpu() throws InterruptedException {
        ledger.awaitProjectionsAtHeadQuietly();
        Thread.sleep(2_000);
        double cpu = process.cpuMillis();
        long start = System.nanoTime();
        Thread.sleep(5_000);
        double perSecond = (process.cpuMillis() - cpu) / ((System.nanoTime() - start) / 1e9);
        idleCpuPerSecond = perSecond;
        report.add("CPU of the idle ledger, after the warm-up",
                String.format(Locale.ROOT, "%.0f ms/s", perSecond), "idleCpuMsPerSecond", perSecond);
    }

    /** A fresh JVM compiles its hot paths during the first thousands of requests; those are not measured. */
    private void warmUp(Workload workload) throws Exception {
        say("warming up: mix at concurrency 8 for %d s (not reported in the table)", options.size().phase().toSeconds());
        Load.Result result = Load.closedLoop(8, options.size().phase(), workload::mix);
        ledger.awaitProjectionsAtHead(CATCH_UP);
        report.put("warmUp", Report.figures(result, Double.NaN, -1));
    }

    /**
     * Projection lag at 500 commands/s, or at 80 % of the best registration rate measured when that is
     * lower. Each thread writes, then reads with {@code minPosition}; by Little's law the threads needed
     * are the rate times both latencies, so there are {@value #LAG_THREADS} of them.
     */
    private void lag(Workload workload) throws Exception {
        double best = 0;
        for (int threads : CONCURRENCY) {
            Object figures = ((Map<?, ?>) reportValue("registrations.c" + threads)).get("perSecond");
            best = Math.max(best, (Double) figures);
        }
        double rate = Math.min(LAG_RATE, Math.floor(best * 0.8));
        say("projection lag at %.0f registrations/s …", rate);
        ConcurrentHistogram lag = Workload.lagHistogram();
        Load.Result result = Load.paced(LAG_THREADS, rate, options.size().phase(), worker -> workload.lagProbe(lag));
        ledger.awaitProjectionsAtHead(CATCH_UP);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("targetPerSecond", rate);
        figures.put("achievedPerSecond", result.perSecond());
        figures.put("lagP50Ms", lag.getValueAtPercentile(50) / 1000.0);
        figures.put("lagP99Ms", lag.getValueAtPercentile(99) / 1000.0);
        figures.put("failed", result.failed());
        report.add(String.format(Locale.ROOT, "projection lag (write answered → visible via ?minPosition=), paced at %.0f/s%s",
                        rate, rate < LAG_RATE ? " (500/s is beyond this machine: 80 % of the best registration rate)" : ""),
                String.format(Locale.ROOT, "achieved %,.0f/s, p50 %.1f ms, p99 %.1f ms", result.perSecond(),
                        lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0),
                "projectionLag", figures);
    }

    /** Registers customers up to the size's count, then adds mix commands up to its event count. */
    private void load(Workload workload, Path dataDir) throws Exception {
        long missing = options.size().customers() - workload.customers();
        if (missing > 0) {
            say("registering %,d more customers …", missing);
            Load.count(8, missing, worker -> workload.registrations());
        }
        long head = ledger.head();
        while (head < options.size().events()) {
            say("writing mix commands up to %,d events (at %,d) …", options.size().events(), head);
            Load.count(8, Math.max(500, options.size().events() - head), workload::mix);
            head = ledger.head();
        }
        ledger.awaitProjectionsAtHead(CATCH_UP);
        report.add("loaded", String.format(Locale.ROOT, "%,d customers, %,d events", workload.customers(), head),
                "loaded", Map.of("customers", workload.customers(), "events", head));
        disk("while running", "diskWhileRunning", dataDir);
    }

    private void reads(Workload workload) throws Exception {
        int each = options.size().readsEach();
        String at = String.format(Locale.ROOT, "%,d customers, concurrency 1", workload.customers());
        read("GET customer (" + at + ")", "readCustomer", each, workload.getCustomer());
        read("search by name (" + at + ")", "readSearch", each, workload.search());
        read("rep portfolio, first page of 20 (" + at + ")", "readPortfolio", each, workload.portfolio());
    }

    private void read(String what, String key, int count, Load.Step step) throws Exception {
        say("%s …", what);
        Load.count(1, Math.max(10, count / 10), worker -> step);
        Load.Result result = Load.count(1, count, worker -> step);
        report.add(what, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms%s", result.p50Millis(),
                        result.p99Millis(), result.failed() == 0 ? "" : ", " + result.failed() + " failed"),
                key, Report.figures(result, Double.NaN, -1));
    }

    /** Replays every projection at once and waits until all are back at the head. */
    private void replay() throws Exception {
        List<LedgerClient.Projection> projections = ledger.projections();
        long head = ledger.head();
        say("replaying %d projections over %,d events …", projections.size(), head);
        double cpu = process.cpuMillis();
        long start = System.nanoTime();
        for (LedgerClient.Projection projection : projections) {
            LedgerClient.Answer answer = ledger.post("admin", "/api/admin/projections/" + projection.name() + "/replay", "");
            if (!answer.ok()) {
                throw new IllegalStateException("replay of " + projection.name() + ": " + answer);
            }
        }
        ledger.awaitProjectionsAtHead(CATCH_UP);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerEvent = (process.cpuMillis() - cpu) / head;
        report.add(String.format(Locale.ROOT, "replay of all %d projections at once, %,d events", projections.size(), head),
                String.format(Locale.ROOT, "%,.0f events/s (%.1f s), %.3f ms CPU/event", head / seconds, seconds, cpuPerEvent),
                "replay", Map.of("projections", projections.size(), "events", head, "seconds", seconds,
                        "eventsPerSecond", head / seconds, "cpuMsPerEvent", cpuPerEvent));
    }

    private void disk(String when, String key, Path dataDir) throws IOException, InterruptedException {
        long events = ledger.head();
        long eventStore = size(dataDir, "events");
        long readModels = size(dataDir, "read-models");
        long all = size(dataDir, "");
        report.add("disk per stored event, " + when + " (" + String.format(Locale.ROOT, "%,d", events) + " events)",
                String.format(Locale.ROOT, "event store %,d B, read models %,d B, whole data dir %,d B",
                        eventStore / events, readModels / events, all / events),
                key, Map.of("events", events, "eventStoreBytes", eventStore, "readModelBytes", readModels,
                        "dataDirBytes", all));
    }

    /** The data directory holds nothing the figures need once they are taken; a full run leaves gigabytes. */
    private static void removeRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static long size(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).mapToLong(file -> {
                try {
                    return Files.isRegularFile(file) ? Files.size(file) : 0;
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private void start(Path dataDir, Path log) throws IOException {
        Path gcLog = log.resolveSibling(log.getFileName().toString().replace(".log", "-gc" + ++starts + ".log"));
        process = LedgerProcess.start(options.jar().toAbsolutePath(), dataDir, log, gcLog);
        ledger = new LedgerClient(process.baseUri());
        say("ledger pid %d at %s", process.pid(), process.baseUri());
    }

    private Object reportValue(String key) {
        return report.get(key);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "not available" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n",
                Stream.concat(Stream.of(LocalDateTime.now()), Stream.of(args)).toArray());
    }
}
