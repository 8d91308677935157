package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Departures and bulk transfers end to end: tracked batches, no customer lost, failures reported. */
class BatchApiTest extends EmbeddedLedgerTest {

    private String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    private void rep(String repId, String province, int capacity) {
        Api.Response response = api.post("admin", "/api/reps", Map.of("repId", repId, "name", repId,
                "regions", List.of(Map.of("province", province)), "capacity", capacity));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private String customer(String owner, String province, String type) {
        Map<String, Object> body = newCustomer(owner);
        body.put("region", Map.of("province", province));
        body.put("type", type);
        Api.Response response = api.post("manager", "/api/customers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("customerId");
    }

    /** Polls the batch until it completes (bounded), as a client watching progress would. */
    static JsonNode awaitBatch(Api api, String batchId, long position) {
        JsonNode batch = api.await("manager", "/api/transfers/" + batchId + "?size=200&minPosition=" + position,
                response -> "COMPLETED".equals(response.body().path("status").asText()), Duration.ofSeconds(60)).body();
        assertThat(batch.path("status").asText()).as(batch.toString()).isEqualTo("COMPLETED");
        return batch;
    }

    /**
     * The batch completes on the command side a moment before every projection has applied its last
     * move, and the batch view may be ahead of the others: poll (bounded) until the view shows it.
     */
    private JsonNode settledView(String path, java.util.function.Predicate<JsonNode> settled) {
        JsonNode view = api.await("manager", path, response -> response.status() == 200 && settled.test(response.body()),
                Duration.ofSeconds(10)).body();
        assertThat(settled.test(view)).as(view.toString()).isTrue();
        return view;
    }

    @Test
    void departureMovesTheWholeBookToTheSuccessorAndRemovesCollaboratorRoles() throws Exception {
        String province = unique("离职省");
        String leaver = unique("leaver");
        String successor = unique("successor");
        rep(leaver, province, 100);
        rep(successor, province, 100);
        List<String> book = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            book.add(customer(leaver, province, "FARM"));
        }
        String shared = customer(successor, province, "DEALER");
        assertThat(api.post("manager", "/api/customers/" + shared + "/collaborators",
                Map.of("repId", leaver, "role", "EDITOR")).status()).isEqualTo(200);

        assertRefused(403, repState(leaver), () -> api.post("rep-a", "/api/reps/" + leaver + "/departure",
                Map.of("reason", "x")));
        Api.Response departed = api.post("manager", "/api/reps/" + leaver + "/departure",
                Map.of("successorRepId", successor, "reason", "个人原因离职"));
        assertThat(departed.status()).isEqualTo(202);
        String batchId = departed.text("batchId");
        assertThat(departed.raw().headers().firstValue("Location")).hasValue("/api/transfers/" + batchId);

        JsonNode batch = awaitBatch(api, batchId, departed.position());
        assertThat(batch.get("kind").asText()).isEqualTo("DEPARTURE");
        assertThat(batch.get("total").asInt()).isEqualTo(5);
        assertThat(batch.get("done").asInt()).isEqualTo(5);
        assertThat(batch.get("failed").asInt()).isZero();
        assertThat(batch.get("collaborationsRemoved").asInt()).isEqualTo(1);
        assertThat(batch.get("items").findValuesAsText("toRepId")).contains(successor);

        JsonNode leaverView = settledView("/api/reps/" + leaver,
                view -> "DEPARTED".equals(view.path("status").asText()));
        assertThat(leaverView.get("status").asText()).isEqualTo("DEPARTED");
        JsonNode portfolio = settledView("/api/reps/" + successor + "/portfolio?size=200",
                view -> view.path("owned").path("items").findValuesAsText("customerId").containsAll(book));
        assertThat(portfolio.get("owned").get("items").findValuesAsText("customerId")).containsAll(book);
        JsonNode period = api.await("auditor", "/api/customers/" + book.get(0) + "/ownership",
                r -> r.body().path("periods").size() == 2, Duration.ofSeconds(10)).body().get("periods").get(1);
        assertThat(period.get("reason").asText()).isEqualTo("DEPARTURE");
        assertThat(period.get("batchId").asText()).isEqualTo(batchId);
        assertThat(period.get("authorizedBy").asText()).isEqualTo("manager");
        assertThat(api.await("manager", "/api/customers/" + shared,
                r -> r.body().path("collaborators").isEmpty(), Duration.ofSeconds(10)).body().get("collaborators")).isEmpty();

        Api.Response toLeaver = assertRefused(409, customerState(shared), () -> api.post("manager",
                "/api/customers/" + shared + "/transfer", Map.of("toRepId", leaver, "reason", "MANUAL")));
        assertThat(toLeaver.text("code")).isEqualTo("REP_DEPARTED");
        assertRefused(409, repState(leaver), () -> api.post("manager", "/api/reps/" + leaver + "/departure",
                Map.of("reason", "again")));
    }

    @Test
    void departureWithoutSuccessorFollowsTheRulesAndReportsWhatNoRuleTakes() throws Exception {
        String province = unique("规则离职省");
        String leaver = unique("leaver");
        String a = unique("heir-a");
        String b = unique("heir-b");
        rep(leaver, province, 100);
        rep(a, province, 100);
        rep(b, province, 100);
        assertThat(api.put("admin", "/api/policies/assignment", Map.of("rules", List.of(Map.of("ruleId", "heirs",
                "match", Map.of("region", Map.of("province", province)), "candidates", "territory",
                "strategy", "ROUND_ROBIN")))).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            customer(leaver, province, "FARM");
        }
        String orphan = customer(leaver, unique("无规则省"), "FARM");

        Api.Response departed = api.post("manager", "/api/reps/" + leaver + "/departure", Map.of("reason", "退休"));
        JsonNode batch = awaitBatch(api, departed.text("batchId"), departed.position());
        assertThat(batch.get("byRules").asBoolean()).isTrue();
        assertThat(batch.get("done").asInt()).isEqualTo(4);
        assertThat(batch.get("unassigned").asInt()).isEqualTo(1);
        Map<String, Integer> perHeir = new HashMap<>();
        batch.get("items").forEach(item -> {
            if ("DONE".equals(item.get("status").asText())) {
                perHeir.merge(item.get("toRepId").asText(), 1, Integer::sum);
            }
        });
        assertThat(perHeir).containsEntry(a, 2).containsEntry(b, 2);
        JsonNode orphanView = settledView("/api/customers/" + orphan, view -> view.path("inPool").asBoolean());
        assertThat(orphanView.get("inPool").asBoolean()).isTrue();
        JsonNode release = api.await("auditor", "/api/customers/" + orphan + "/ownership",
                r -> r.body().path("periods").size() == 2, Duration.ofSeconds(10)).body().get("periods").get(1);
        assertThat(release.get("reason").asText()).isEqualTo("RELEASE");
        assertThat(release.get("batchId").asText()).isEqualTo(departed.text("batchId"));
    }

    @Test
    void bulkTransferMovesOnlyTheFilteredCustomersAndReportsRefusals() throws Exception {
        String province = unique("批量省");
        String from = unique("from");
        String to = unique("to");
        rep(from, province, 100);
        rep(to, province, 1);
        List<String> farms = List.of(customer(from, province, "FARM"), customer(from, province, "FARM"));
        List<String> dealers = List.of(customer(from, province, "DEALER"), customer(from, province, "DEALER"));

        Api.Response started = api.post("manager", "/api/transfers", Map.of("fromRepId", from, "toRepId", to,
                "reason", "REBALANCE", "filter", Map.of("type", "DEALER", "region", Map.of("province", province)),
                "note", "经销商划转"));
        assertThat(started.status()).isEqualTo(202);
        JsonNode batch = awaitBatch(api, started.text("batchId"), started.position());
        assertThat(batch.get("kind").asText()).isEqualTo("BULK");
        assertThat(batch.get("total").asInt()).isEqualTo(2);
        // the receiving rep has room for one: the other dealer stays with its owner, reported
        assertThat(batch.get("done").asInt()).isEqualTo(1);
        assertThat(batch.get("failed").asInt()).isEqualTo(1);
        JsonNode failed = null;
        for (JsonNode item : batch.get("items")) {
            if ("FAILED".equals(item.get("status").asText())) {
                failed = item;
            }
        }
        assertThat(failed.get("detail").asText()).startsWith("REP_AT_CAPACITY");
        assertThat(dealers).contains(failed.get("customerId").asText());
        JsonNode stayed = settledView("/api/customers/" + failed.get("customerId").asText(), view -> true);
        assertThat(stayed.get("ownerRepId").asText()).isEqualTo(from);
        for (String farm : farms) {
            assertThat(api.get("manager", "/api/customers/" + farm).body().get("ownerRepId").asText()).isEqualTo(from);
        }

        // an unknown filter never widens a batch: it is refused and the rep's other customers stay untouched
        java.util.function.Supplier<Object> book = () -> farms.stream().map(this::customerEventIds).toList();
        assertRefused(400, book, () -> api.post("manager", "/api/transfers", Map.of("fromRepId", from, "toRepId", to,
                "reason", "REBALANCE", "filter", Map.of("tier", "gold"))));
        assertRefused(400, book, () -> api.post("manager", "/api/transfers", Map.of("fromRepId", from, "toRepId", to,
                "byRules", true, "reason", "REBALANCE")));
        assertRefused(403, book, () -> api.post("rep-a", "/api/transfers", Map.of("fromRepId", from, "toRepId", to,
                "reason", "REBALANCE")));
        assertThat(api.get("manager", "/api/transfers/no-such-batch").status()).isEqualTo(404);
    }
}
