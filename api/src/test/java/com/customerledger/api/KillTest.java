package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives SIGKILL: the ledger runs as a separate JVM, acknowledges a burst
 * of registrations, is killed without warning right after the last answer, and on restart every
 * acknowledged customer is there.
 */
class KillTest {

    private static final int WRITES = 200;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedRegistrationSurvivesSigkill() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        long lastPosition = 0;
        LedgerProcess first = LedgerProcess.start(dataDir);
        try {
            Api api = new Api(first.port());
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

        LedgerProcess second = LedgerProcess.start(dataDir);
        try {
            Api api = new Api(second.port());
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
}
