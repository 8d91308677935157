package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Replaying every projection from the first event rebuilds byte-for-byte the same read models. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayTest {

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) throws Exception {
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-replay-")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void replayingEveryProjectionGivesIdenticalReadModels() throws Exception {
        Api api = new Api(port);
        long head = buildHistory(api);
        awaitCaughtUp(api, head);
        Map<String, String> before = checksums();
        assertThat(before).containsKeys("customers", "reps", "ownership", "visits", "deals", "opportunities",
                "transfer_batches", "transfer_batch_items", "assignment_policies", "grading_policy", "orders", "payments",
                "credit_requests", "sales_targets", "rebate_policy", "sell_through");

        JsonNode statuses = api.get("admin", "/api/admin/projections").body();
        List<String> names = statuses.findValuesAsText("name");
        for (String name : names) {
            Api.Response replay = api.post("admin", "/api/admin/projections/" + name + "/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        }
        awaitCaughtUp(api, head);
        assertThat(checksums()).isEqualTo(before);
        // on the embedded store each reset dropped its collections and made them again with their indexes
        assertThat(mongo).isInstanceOf(com.customerledger.query.ReadModelReset.DroppingTemplate.class);
        ReadModelIndexesTest.assertDeclaredIndexes(mongo);

        assertThat(api.post("admin", "/api/admin/projections/no-such/replay", null).status()).isEqualTo(404);
        assertThat(api.get("manager", "/api/admin/projections").status()).isEqualTo(403);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aStoreHoldingAnOldRevisionIsReadThroughTheUpcaster() {
        Api api = new Api(port);
        api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a", "regions", List.of(), "capacity", 100));
        String id = api.post("manager", "/api/customers", Map.of("name", "老版本客户", "type", "FARM",
                "region", Map.of("province", "河南省"))).text("customerId");
        // as an earlier release stored a claim: revision 1, with claimedBy
        String claim = "{\"customerId\":\"" + id + "\",\"repId\":\"rep-a\",\"effectiveAt\":\""
                + org.axonframework.common.DateTimeUtils.formatInstant(Instant.now()) + "\",\"claimedBy\":\"rep-a\"}";
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) VALUES (?, 1, 'Customer', ?, ?, ?, '1', ?, ?)",
                "customer:" + id, java.util.UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                claim.getBytes(StandardCharsets.UTF_8), "com.customerledger.events.CustomerClaimedEvent",
                org.axonframework.common.DateTimeUtils.formatInstant(Instant.now()));

        JsonNode history = api.await("auditor", "/api/customers/" + id + "/ownership",
                r -> r.body().path("periods").size() == 2, Duration.ofSeconds(10)).body();
        assertThat(history.get("periods").get(1).get("reason").asText()).isEqualTo("CLAIM");
        assertThat(history.get("periods").get(1).get("authorizedBy").asText()).isEqualTo("rep-a");
        // the aggregate is sourced through the upcaster too: rep-a owns the customer and may edit it
        assertThat(api.patch("rep-a", "/api/customers/" + id, Map.of("address", "郑州")).status()).isEqualTo(200);

        long head = api.post("admin", "/api/reps", Map.of("repId", "rep-y", "name", "y", "regions", List.of(),
                "capacity", 1)).position();
        assertThat(api.post("admin", "/api/admin/projections/ownership-history/replay", null).status()).isEqualTo(202);
        awaitCaughtUp(api, head);
        assertThat(api.get("auditor", "/api/customers/" + id + "/ownership").body()).isEqualTo(history);
    }

    static void awaitCaughtUp(Api api, long head) {
        Api.Response caughtUp = api.await("admin", "/api/admin/projections", response -> {
            for (JsonNode status : response.body()) {
                if (status.get("replaying").asBoolean() || status.get("position").isNull()
                        || status.get("position").asLong() < head) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(60));
        for (JsonNode status : caughtUp.body()) {
            assertThat(status.get("lag").asLong()).as(status.toString()).isZero();
        }
    }

    /**
     * A SHA-256 of every document of every read-model collection, in id order. Excluded: the tokens
     * (they record progress), the notes of resets under way (operations, empty once a replay has
     * started) and the audit chain (not a projection; it grows on its own schedule).
     */
    private Map<String, String> checksums() throws Exception {
        return checksums(mongo);
    }

    static Map<String, String> checksums(MongoTemplate mongo) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (collection.equals("trackingtokens") || collection.equals("projection_resets") || collection.equals("audit_chain")
                    || collection.startsWith("system.")) {
                continue;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Document document : mongo.getCollection(collection).find().sort(new Document("_id", 1))) {
                sha.update(document.toJson().getBytes(StandardCharsets.UTF_8));
            }
            sums.put(collection, HexFormat.of().formatHex(sha.digest()));
        }
        return sums;
    }

    /** The channel's events: a priced, credit-checked, delivered and paid order, a cancelled one, targets, rebates, sell-through. */
    private static void channel(Api api, String customer) {
        assertThat(api.post("manager", "/api/products", Map.of("productId", "rp-feed", "name", "重放饲料", "productLine", "feed",
                "unit", "BAG", "listPrice", "150.00", "unitCost", "120.00")).status()).isEqualTo(201);
        api.put("admin", "/api/policies/pricing", Map.of("rules", List.of(Map.of("ruleId", "feed-5", "match",
                Map.of("productLine", "feed"), "discountPercent", "5"))));
        api.post("manager", "/api/customers/" + customer + "/credit/requests", Map.of("requestId", "rp-credit", "limit",
                "100000.00", "paymentTermDays", 30, "reason", "重放"));
        api.post("finance", "/api/credit/requests/rp-credit/decision", Map.of("decision", "APPROVE", "note", "可以"));
        for (String order : List.of("rp-order-1", "rp-order-2")) {
            assertThat(api.post("manager", "/api/orders", Map.of("orderId", order, "customerId", customer, "lines",
                    List.of(Map.of("productId", "rp-feed", "quantity", 10)))).status()).isEqualTo(201);
        }
        api.post("warehouse", "/api/orders/rp-order-1/dispatch", Map.of("waybill", "SF1"));
        assertThat(api.post("warehouse", "/api/orders/rp-order-1/deliver", null).status()).isEqualTo(200);
        api.post("manager", "/api/orders/rp-order-2/cancel", Map.of("note", "改单"));
        api.post("finance", "/api/customers/" + customer + "/payments", Map.of("paymentId", "rp-pay", "amount", "500.00",
                "receivedAt", Instant.now().toString(), "method", "BANK_TRANSFER"));
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        api.put("manager", "/api/targets", Map.of("period", month, "repId", "rep-a", "amount", "10000"));
        api.put("manager", "/api/targets", Map.of("period", month, "customerId", customer, "amount", "3000"));
        api.put("admin", "/api/policies/rebates", Map.of("programs", List.of(Map.of("programId", "rp-m", "period", "MONTH",
                "basis", "AMOUNT", "tiers", List.of(Map.of("from", "100", "percent", "1"))))));
        api.post("manager", "/api/customers/" + customer + "/sell-through", Map.of("reportId", "rp-st", "period", month,
                "lines", List.of(Map.of("productId", "rp-feed", "quantity", 4, "amount", "700.00"))));
    }

    static long buildHistory(Api api) throws Exception {
        for (String rep : List.of("rep-a", "rep-b", "rep-c")) {
            api.post("admin", "/api/reps", Map.of("repId", rep, "name", "代表" + rep,
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 100));
        }
        api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of("ruleId", "sd",
                "match", Map.of("region", Map.of("province", "山东省")), "candidates", "territory", "strategy", "ROUND_ROBIN"))));
        api.put("admin", "/api/policies/grading", Map.of("S", Map.of("minVolume", 100000, "minMargin", 0, "minActiveMonths", 1),
                "A", Map.of("minVolume", 10000, "minMargin", 0, "minActiveMonths", 1),
                "B", Map.of("minVolume", 1000, "minMargin", 0, "minActiveMonths", 1)));
        api.put("admin", "/api/policies/pool", Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90, "reminderDaysBefore", 5));
        String last = null;
        for (int i = 0; i < 6; i++) {
            last = api.post("manager", "/api/customers", Map.of("name", "重放客户" + i, "type", i % 2 == 0 ? "FARM" : "DEALER",
                    "region", Map.of("province", "山东省", "city", "济南市"), "phone", "1380000000" + i)).text("customerId");
        }
        String pooled = api.post("manager", "/api/customers", Map.of("name", "公海客户", "type", "FARM",
                "region", Map.of("province", "河北省"))).text("customerId");
        api.post("rep-b", "/api/customers/" + pooled + "/claim", null);
        last = api.post("manager", "/api/customers", Map.of("name", "拜访客户", "type", "FARM",
                "region", Map.of("province", "山东省"), "ownerRepId", "rep-a")).text("customerId");
        assertThat(api.post("rep-a", "/api/customers/" + last + "/visits", Map.of("visitedAt", Instant.now().minusSeconds(3600).toString(),
                "channel", "PHONE", "notes", "电话回访", "nextFollowUpAt", Instant.now().plusSeconds(86400).toString())).status())
                .isEqualTo(201);
        api.post("manager", "/api/customers/" + last + "/deals", Map.of("productLine", "feed", "amount", 25000, "margin", 3000,
                "closedAt", Instant.now().toString()));
        api.post("manager", "/api/customers/" + last + "/collaborators", Map.of("repId", "rep-c", "role", "VIEWER"));
        api.post("admin", "/api/policies/grading/recompute", null);
        String opportunity = api.post("manager", "/api/opportunities", Map.of("customerId", last, "productLine", "feed"))
                .text("opportunityId");
        api.post("manager", "/api/opportunities/" + opportunity + "/stage", Map.of("stage", "QUOTED"));
        api.post("manager", "/api/opportunities/" + opportunity + "/won", Map.of("amount", 25000));
        api.post("manager", "/api/customers/" + pooled + "/transfer", Map.of("toRepId", "rep-a", "reason", "MANUAL"));
        Api.Response batch = api.post("manager", "/api/transfers", Map.of("fromRepId", "rep-b", "toRepId", "rep-c",
                "reason", "REBALANCE"));
        JsonNode done = BatchApiTest.awaitBatch(api, batch.text("batchId"), batch.position());
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        // an earlier change voided, moving the credit of a deal closed while it stood
        String corrected = api.post("manager", "/api/customers", Map.of("name", "改正客户", "type", "FARM",
                "region", Map.of("province", "山西省"), "ownerRepId", "rep-a")).text("customerId");
        api.post("manager", "/api/customers/" + corrected + "/transfer", Map.of("toRepId", "rep-b", "reason", "MANUAL"));
        long moved = api.post("manager", "/api/customers/" + corrected + "/transfer", Map.of("toRepId", "rep-c",
                "reason", "MANUAL")).position();
        JsonNode mistake = api.get("auditor", "/api/customers/" + corrected + "/ownership?minPosition=" + moved).body()
                .get("periods").get(1);
        assertThat(api.post("manager", "/api/customers/" + corrected + "/deals", Map.of("productLine", "feed",
                "amount", 5000, "margin", 500, "closedAt", mistake.get("from").asText())).text("creditedRepId"))
                .isEqualTo("rep-b");
        assertThat(api.post("manager", "/api/customers/" + corrected + "/ownership/reversals", Map.of("eventId",
                mistake.get("eventId").asText(), "reason", "转错")).status()).isEqualTo(200);
        channel(api, last);
        return api.post("admin", "/api/reps", Map.of("repId", "rep-z", "name", "最后", "regions", List.of(), "capacity", 1))
                .position();
    }
}
