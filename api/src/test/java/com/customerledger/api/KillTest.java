package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives SIGKILL: the ledger runs as a separate JVM, acknowledges a burst
 * of registrations, is killed without warning right after the last answer, and on restart every
 * acknowledged customer is there.
 */
class KillTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final int WRITES = 200;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedRegistrationSurvivesSigkill() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        long lastPosition = 0;
        Ledger first = Ledger.start(dataDir);
        try {
            Api api = new Api(first.port);
            assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 10_000)).status()).isEqualTo(201);
            for (int i = 0; i < WRITES; i++) {
                Api.Response response = api.post("rep-a", "/api/customers", Map.of("name", "断电测试客户" + i, "type", "FARM",
                        "region", Map.of("province", "山东省", "city", "临沂市", "county", "兰陵县")));
                assertThat(response.status()).isEqualTo(201);
                acknowledged.add(response.text("customerId"));
                lastPosition = response.position();
            }
        } finally {
            first.kill();
        }

        Ledger second = Ledger.start(dataDir);
        try {
            Api api = new Api(second.port);
            Api.Response portfolio = readWhenCaughtUp(api, "/api/reps/rep-a/portfolio?size=200&minPosition=" + lastPosition);
            assertThat(portfolio.body().get("owned").get("total").asInt()).isEqualTo(WRITES);
            for (String customerId : acknowledged) {
                assertThat(api.get("rep-a", "/api/customers/" + customerId).status()).as(customerId).isEqualTo(200);
            }
            Api.Response after = api.post("rep-a", "/api/customers", Map.of("name", "重启后的客户", "type", "FARM",
                    "region", Map.of("province", "山东省")));
            assertThat(after.status()).isEqualTo(201);
            assertThat(after.position()).isGreaterThan(lastPosition);
        } finally {
            second.kill();
        }
    }

    /** After a kill the dead instance's segment claims block for the claim timeout; retry the read until then. */
    private static Api.Response readWhenCaughtUp(Api api, String path) {
        Api.Response response = api.await("rep-a", path, answer -> answer.status() != 503, Duration.ofSeconds(60));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /** The ledger in a child JVM with the test's class path. */
    private record Ledger(Process process, int port) {

        static Ledger start(Path dataDir) throws IOException, InterruptedException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    LedgerApplication.class.getName(), "--server.port=0", "--ledger.data-dir=" + dataDir,
                    "--ledger.projections.claim-timeout=2s")
                    .redirectErrorStream(true)
                    .start();
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
                return new Ledger(process, port.get(90, TimeUnit.SECONDS));
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
}
