package com.customerledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged ledger started as a user starts it ({@code java -jar customer-ledger.jar}) in a child
 * process on a data directory of the benchmark's, on a free port it reads from the line the ledger
 * prints. Its output goes to a log file beside the data directory. Reads the child's CPU time and
 * peak resident set from the operating system.
 */
final class LedgerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");
    private static final Pattern GC_AFTER = Pattern.compile("\\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    private final Process process;
    private final int port;
    private final Path gcLog;

    private LedgerProcess(Process process, int port, Path gcLog) {
        this.process = process;
        this.port = port;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code java -jar} on the ledger with one addition to a user's command line: the JVM's
     * own GC log ({@code -Xlog:gc}), from which the peak heap is read at no cost to the ledger.
     */
    static LedgerProcess start(Path jar, Path dataDir, Path log, Path gcLog) throws IOException {
        return start(jar, dataDir, log, gcLog, List.of());
    }

    /** The same with JVM options before {@code -jar} (a flight recording, for a profile). */
    static LedgerProcess start(Path jar, Path dataDir, Path log, Path gcLog, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=0", "--ledger.data-dir=" + dataDir));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, port), "ledger-output");
        reader.setDaemon(true);
        reader.start();
        try {
            // a shared machine at a load average of 20 and more took over three minutes to start the ledger
            return new LedgerProcess(process, port.get(600, TimeUnit.SECONDS), gcLog);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the ledger did not start; see " + log, e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintStream out = new PrintStream(Files.newOutputStream(log,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND),
                     true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.find()) {
                    port.complete(Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        port.completeExceptionally(new IllegalStateException("the ledger exited before listening"));
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the child has used so far, user and system, in milliseconds. */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e6;
    }

    /** Peak resident set of the child so far (VmHWM), in bytes; 0 where /proc is not there. */
    long peakRssBytes() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** The most heap in use so far: the largest heap occupancy before a collection in the GC log; -1 if none. */
    long peakHeapBytes() {
        try (Stream<String> lines = Files.lines(gcLog)) {
            return peakHeapBeforeGc(lines);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /**
     * The most heap still in use right after a collection (what the ledger held, not the garbage it had
     * made), from the same GC log; -1 if there is none.
     */
    long peakHeapAfterGcBytes() {
        try (Stream<String> lines = Files.lines(gcLog)) {
            return largest(lines, GC_AFTER);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** From lines such as {@code [2.1s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.1ms}. */
    static long peakHeapBeforeGc(Stream<String> lines) {
        return largest(lines, GC);
    }

    private static long largest(Stream<String> lines, Pattern pattern) {
        return lines.map(pattern::matcher).filter(Matcher::find).mapToLong(gc -> Long.parseLong(gc.group(1))
                << switch (gc.group(2)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    default -> 30;
                }).max().orElse(-1);
    }

    /** SIGTERM, the way a user stops it: the ledger shuts down cleanly and closes its stores. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
