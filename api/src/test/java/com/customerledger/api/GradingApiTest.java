package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.grading.SetGradingPolicyCommand;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Grading end to end: a policy change regrades exactly the customers whose figures cross a changed
 * threshold. The thresholds are in the millions, so the other tests' customers (sharing this ledger)
 * are C under both policies.
 */
class GradingApiTest extends EmbeddedLedgerTest {

    private static Map<String, Object> threshold(long volume, long margin, int months) {
        return Map.of("minVolume", volume, "minMargin", margin, "minActiveMonths", months);
    }

    private static Map<String, Object> policy(long sVolume, long aVolume, long bVolume) {
        return Map.of("S", threshold(sVolume, 0, 1), "A", threshold(aVolume, 0, 1), "B", threshold(bVolume, 0, 1));
    }

    /** A regrade of the whole shared test ledger answers only once every customer is regraded: under load, minutes. */
    private Api wholeLedger() {
        return api.withTimeout(Duration.ofMinutes(2));
    }

    private String customerWithVolume(String owner, long volume) {
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(owner));
        String id = registered.text("customerId");
        Api.Response deal = api.post("manager", "/api/customers/" + id + "/deals", Map.of("productLine", "feed",
                "amount", volume, "margin", volume / 10, "closedAt", Instant.now().toString()));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        return id;
    }

    private Map<String, String> grades(List<String> ids, long position) {
        Map<String, String> grades = new LinkedHashMap<>();
        for (String id : ids) {
            grades.put(id, api.get("manager", "/api/customers/" + id + "?minPosition=" + position).body().path("grade").asText());
        }
        return grades;
    }

    @Test
    void aPolicyChangeRegradesExactlyTheCustomersItMoves() {
        String rep = "grader-" + System.nanoTime();
        registerRep(rep, 100);
        String big = customerWithVolume(rep, 9_000_000);
        String mid = customerWithVolume(rep, 5_000_000);
        String small = customerWithVolume(rep, 2_000_000);
        String tiny = customerWithVolume(rep, 500_000);
        List<String> mine = List.of(big, mid, small, tiny);

        assertThat(api.put("admin", "/api/policies/grading", policy(8_000_000, 4_000_000, 1_000_000)).status()).isEqualTo(200);
        Api.Response first = wholeLedger().post("admin", "/api/policies/grading/recompute", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(grades(mine, first.position())).containsExactly(Map.entry(big, "S"), Map.entry(mid, "A"),
                Map.entry(small, "B"), Map.entry(tiny, "C"));

        // raising A and B: mid (5M) falls to B, small (2M) to C; big and tiny keep their grades
        Api.Response changed = api.put("admin", "/api/policies/grading", policy(8_000_000, 6_000_000, 3_000_000));
        JsonNode policy = api.get("auditor", "/api/policies/grading?minPosition=" + changed.position()).body();
        assertThat(policy.get("A").get("minVolume").asLong()).isEqualTo(6_000_000);
        assertThat(policy.has("a")).as("read back with the grade names it was written with").isFalse();
        assertThat(policy.get("S").get("minVolume").asLong()).isEqualTo(8_000_000);
        Api.Response second = wholeLedger().post("admin", "/api/policies/grading/recompute", null);
        JsonNode result = second.body().get("result");
        int counted = 0;
        for (JsonNode outcome : result.get("outcomes")) {
            counted += outcome.asInt();
        }
        assertThat(counted).as("every customer regraded has one outcome").isEqualTo(result.get("customers").asInt());
        assertThat(grades(mine, second.position())).containsExactly(Map.entry(big, "S"), Map.entry(mid, "B"),
                Map.entry(small, "C"), Map.entry(tiny, "C"));

        JsonNode history = api.get("auditor", "/api/customers/" + mid).body().get("gradeHistory");
        assertThat(history).hasSize(2);
        JsonNode fall = history.get(1);
        assertThat(fall.get("from").asText()).isEqualTo("A");
        assertThat(fall.get("to").asText()).isEqualTo("B");
        assertThat(fall.get("policyVersion").asInt()).isEqualTo(policy.get("version").asInt());
        assertThat(fall.get("inputs").get("volume").asLong()).isEqualTo(5_000_000);
        assertThat(fall.get("inputs").get("activeMonths").asInt()).isEqualTo(1);
        assertThat(fall.get("changedBy").asText()).isEqualTo("admin");
        // exactly the two customers whose figures cross a changed threshold got a change
        assertThat(api.get("auditor", "/api/customers/" + big).body().get("gradeHistory")).hasSize(1);
        assertThat(api.get("auditor", "/api/customers/" + small).body().get("gradeHistory")).hasSize(2);
        assertThat(api.get("auditor", "/api/customers/" + tiny).body().get("gradeHistory")).hasSize(1);

        // a manual override survives the next recompute and says why
        Api.Response override = api.post("manager", "/api/customers/" + tiny + "/grade",
                Map.of("grade", "A", "reason", "省级示范场，战略客户"));
        assertThat(override.status()).isEqualTo(200);
        Api.Response third = wholeLedger().post("admin", "/api/policies/grading/recompute", null);
        assertThat(grades(List.of(tiny), third.position())).containsEntry(tiny, "A");
        assertRefused(403, customerState(tiny), () -> api.post("rep-a", "/api/customers/" + tiny + "/grade",
                Map.of("grade", "S", "reason", "x")));

        // grades filter portfolios, searches, bulk transfers, and count on the dashboard
        JsonNode portfolio = api.get("manager", "/api/reps/" + rep + "/portfolio?grade=C&size=200&minPosition=" + third.position()).body();
        assertThat(portfolio.get("owned").get("items").findValuesAsText("customerId")).containsExactly(small);
        JsonNode search = api.get("manager", "/api/customers?grade=S&ownerRepId=" + rep).body();
        assertThat(search.get("items").findValuesAsText("customerId")).containsExactly(big);
        JsonNode counts = api.get("manager", "/api/analytics/grades?by=rep").body();
        JsonNode row = null;
        for (JsonNode candidate : counts.get("rows")) {
            if (candidate.get("key").asText().equals(rep)) {
                row = candidate;
            }
        }
        assertThat(row.get("grades").get("S").asInt()).isEqualTo(1);
        assertThat(row.get("grades").get("A").asInt()).isEqualTo(1);
        assertThat(row.get("total").asInt()).isEqualTo(4);

        String heir = "heir-" + System.nanoTime();
        registerRep(heir, 100);
        Api.Response bulk = api.post("manager", "/api/transfers", Map.of("fromRepId", rep, "toRepId", heir,
                "reason", "REBALANCE", "filter", Map.of("grade", "S")));
        JsonNode batch = BatchApiTest.awaitBatch(api, bulk.text("batchId"), bulk.position());
        assertThat(batch.get("items").findValuesAsText("customerId")).containsExactly(big);

        assertRefused(400, streamOf(SetGradingPolicyCommand.POLICY_ID), () -> api.put("admin", "/api/policies/grading",
                policy(1, 4_000_000, 1_000_000)));
        assertRefused(403, () -> mine.stream().map(this::customerEventIds).toList(),
                () -> api.post("manager", "/api/policies/grading/recompute", null));
    }
}
