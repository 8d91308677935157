package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stopping and starting on the same data directory keeps every event and read model; processors resume. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsPortfolioAndHistoryAndAcceptsNewCommands() {
        String customerId;
        JsonNode portfolioBefore;
        JsonNode historyBefore;
        long position;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            api.post("admin", "/api/reps", rep("rep-a"));
            api.post("admin", "/api/reps", rep("rep-b"));
            Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "重启测试养殖场", "type", "RANCH",
                    "region", Map.of("province", "内蒙古自治区", "city", "呼伦贝尔市", "county", "陈巴尔虎旗")));
            customerId = registered.text("customerId");
            api.post("rep-a", "/api/customers/" + customerId + "/claim", null);
            position = api.post("manager", "/api/customers/" + customerId + "/transfer",
                    Map.of("toRepId", "rep-b", "reason", "REBALANCE")).position();
            portfolioBefore = api.get("rep-b", "/api/reps/rep-b/portfolio?minPosition=" + position).body();
            historyBefore = api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition=" + position).body();
            assertThat(portfolioBefore.get("owned").get("total").asInt()).isEqualTo(1);
        }
        assertThat(Files.exists(dataDir.resolve("events.sqlite"))).isTrue();
        assertThat(Files.exists(dataDir.resolve("read-models.mv"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            JsonNode portfolioAfter = api.get("rep-b", "/api/reps/rep-b/portfolio?minPosition=" + position).body();
            JsonNode historyAfter = api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition=" + position).body();
            assertThat(portfolioAfter).isEqualTo(portfolioBefore);
            assertThat(historyAfter).isEqualTo(historyBefore);

            Api.Response released = api.post("rep-b", "/api/customers/" + customerId + "/release", Map.of("reason", "重启后"));
            assertThat(released.status()).isEqualTo(200);
            assertThat(released.position()).isEqualTo(position + 1);
            JsonNode history = api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition=" + released.position()).body();
            assertThat(history.get("periods")).hasSize(4);
        }
    }

    @Test
    void roundRobinTurnsSurviveAStopHalfway() {
        List<String> reps = List.of("rr-1", "rr-2", "rr-3", "rr-4");
        long position = 0;
        for (int half = 0; half < 2; half++) {
            try (ConfigurableApplicationContext ledger = start()) {
                Api api = new Api(port(ledger));
                if (half == 0) {
                    reps.forEach(rep -> api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                            "regions", List.of(Map.of("province", "山东省")), "capacity", 1000)));
                    assertThat(api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of(
                            "ruleId", "shandong", "match", Map.of("region", Map.of("province", "山东省")),
                            "candidates", "territory", "strategy", "ROUND_ROBIN")))).status()).isEqualTo(200);
                }
                // an odd number before the stop, so a rotation that restarted would show
                int count = half == 0 ? 501 : 499;
                for (int i = 0; i < count; i++) {
                    Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "轮转客户" + half + "-" + i,
                            "type", "FARM", "region", Map.of("province", "山东省", "city", "济南市", "county", "历城区")));
                    assertThat(registered.status()).isEqualTo(201);
                    position = registered.position();
                }
                if (half == 1) {
                    for (String rep : reps) {
                        assertThat(api.get("manager", "/api/reps/" + rep + "?minPosition=" + position).body().get("load")
                                .asInt()).as(rep).isEqualTo(250);
                    }
                }
            }
        }
    }

    @Test
    void aBatchInterruptedByAStopResumesAndMovesNothingTwice() {
        int customers = 400;
        String batchId;
        long position;
        int doneBeforeStop;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            for (String rep : List.of("from", "to")) {
                api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep, "regions", List.of(Map.of("province", "山东省")),
                        "capacity", 1000));
            }
            for (int i = 0; i < customers; i++) {
                assertThat(api.post("manager", "/api/customers", Map.of("name", "批次客户" + i, "type", "FARM",
                        "region", Map.of("province", "山东省"), "ownerRepId", "from")).status()).isEqualTo(201);
            }
            Api.Response started = api.post("manager", "/api/transfers", Map.of("fromRepId", "from", "toRepId", "to",
                    "reason", "REBALANCE"));
            batchId = started.text("batchId");
            position = started.position();
            // stop as soon as the worker has moved its first customers, not after a guessed while
            doneBeforeStop = api.await("manager", "/api/transfers/" + batchId + "?minPosition=" + position,
                    r -> r.body().path("done").asInt() > 0, java.time.Duration.ofSeconds(30)).body().get("done").asInt();
            assertThat(doneBeforeStop).as("the batch had started before the stop").isPositive();
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            com.fasterxml.jackson.databind.JsonNode batch = BatchApiTest.awaitBatch(api, batchId, position);
            assertThat(batch.get("done").asInt()).isEqualTo(customers);
            assertThat(batch.get("failed").asInt()).isZero();
            assertThat(doneBeforeStop).as("the stop came in the middle of the batch").isLessThan(customers);
            // the batch completes on the command side a moment before the read models apply its last moves
            JsonNode from = api.await("manager", "/api/reps/from", r -> r.body().path("load").asInt() == 0,
                    java.time.Duration.ofSeconds(10)).body();
            assertThat(from.get("load").asInt()).isZero();
            JsonNode portfolio = api.await("manager", "/api/reps/to/portfolio?size=200",
                    r -> r.body().path("owned").path("total").asInt() == customers, java.time.Duration.ofSeconds(10)).body();
            assertThat(portfolio.get("owned").get("total").asInt()).isEqualTo(customers);
            for (JsonNode customer : portfolio.get("owned").get("items")) {
                // the ownership history is its own projection: wait until it has the move too (bounded)
                JsonNode periods = api.await("auditor", "/api/customers/" + customer.get("customerId").asText()
                        + "/ownership", r -> r.body().path("periods").size() >= 2, java.time.Duration.ofSeconds(10))
                        .body().get("periods");
                assertThat(periods).as("registered, then moved exactly once").hasSize(2);
                assertThat(periods.get(1).get("batchId").asText()).isEqualTo(batchId);
            }
        }
    }

    @Test
    void aReplayInterruptedByARestartCompletesWithTheSameReadModel() throws Exception {
        Map<String, String> before;
        long head;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            head = ReplayTest.buildHistory(api);
            ReplayTest.awaitCaughtUp(api, head);
            before = ReplayTest.checksums(first.getBean(org.springframework.data.mongodb.core.MongoTemplate.class));
            for (String name : List.of("customer-view", "ownership-history", "batch-view")) {
                assertThat(api.post("admin", "/api/admin/projections/" + name + "/replay", null).status()).isEqualTo(202);
            }
            // stop at once: the replays are in progress, their tokens say so
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            ReplayTest.awaitCaughtUp(api, head);
            assertThat(ReplayTest.checksums(second.getBean(org.springframework.data.mongodb.core.MongoTemplate.class)))
                    .isEqualTo(before);
        }
    }

    /**
     * A replay first clears its read model and then stores its reset tokens: a crash between the two
     * left an empty read model behind a token past every event, and the customers were gone for good.
     * That state is made here by hand (the note of a reset under way, the customers cleared, the token
     * untouched), then a start must do the reset again and bring them back.
     */
    @Test
    void aReplayWhoseResetACrashInterruptedIsResetAgainAtStart() {
        String customerId;
        long position;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            api.post("admin", "/api/reps", rep("rep-a"));
            Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "重置中断养殖场", "type", "FARM",
                    "region", Map.of("province", "内蒙古自治区", "city", "赤峰市", "county", "松山区")));
            customerId = registered.text("customerId");
            position = api.post("rep-a", "/api/customers/" + customerId + "/claim", null).position();
            assertThat(api.get("manager", "/api/customers/" + customerId + "?minPosition=" + position).status()).isEqualTo(200);
            MongoTemplate mongo = first.getBean(MongoTemplate.class);
            mongo.getCollection("projection_resets").insertOne(new Document("_id", "customer-view").append("startedAt", new Date()));
            mongo.getCollection("customers").deleteMany(new Document());
            assertThat(api.get("manager", "/api/customers/" + customerId).status()).isEqualTo(404);
        }
        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            Api.Response customer = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + position);
            assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
            assertThat(customer.text("ownerRepId")).isEqualTo("rep-a");
            assertThat(second.getBean(MongoTemplate.class).getCollection("projection_resets").countDocuments())
                    .as("the note is removed once the tokens are reset").isZero();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Map<String, Object> rep(String repId) {
        return Map.of("repId", repId, "name", repId, "regions", List.of(Map.of("province", "内蒙古自治区")), "capacity", 10);
    }
}
