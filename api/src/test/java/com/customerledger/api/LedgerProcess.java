package com.customerledger.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger in a child JVM with the test's class path, on a data directory of the test's, so a test
 * can kill it without warning (SIGKILL: no shutdown hooks, no flushing) and start it again on the
 * same files. Used by {@link KillTest} and {@link CrashRoundsTest}.
 */
record LedgerProcess(Process process, int port) {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

    /** Starts the ledger on {@code dataDir} with a 2 s segment claim timeout and the given extra arguments. */
    static LedgerProcess start(Path dataDir, String... extraArguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--server.port=0", "--ledger.data-dir=" + dataDir,
                "--ledger.projections.claim-timeout=2s"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            port.completeExceptionally(new IllegalStateException("the ledger exited before listening"));
        }, "ledger-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new LedgerProcess(process, port.get(90, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the ledger did not start", e);
        }
    }

    /** SIGKILL: no shutdown hooks, no flushing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
