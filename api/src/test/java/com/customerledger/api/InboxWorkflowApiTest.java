package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The work a visit starts (a manager's review, a sample for the warehouse) and the inbox it lands in, through HTTP. */
class InboxWorkflowApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    private void registerTeam() {
        for (String rep : List.of(WORKFLOW_MANAGER, WORKFLOW_REP)) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("repId", rep, "name", "代表" + rep,
                    "regions", List.of(Map.of("province", "山东省")), "productLines", List.of("feed"),
                    "customerTypes", List.of("FARM"), "capacity", 1000));
            if (rep.equals(WORKFLOW_REP)) {
                body.put("managerRepId", WORKFLOW_MANAGER);
            }
            Api.Response registered = api.post("admin", "/api/reps", body);
            assertThat(registered.status()).as(registered.toString()).isIn(201);
        }
    }

    private static List<JsonNode> items(Api.Response inbox) {
        List<JsonNode> items = new ArrayList<>();
        inbox.body().get("items").forEach(items::add);
        return items;
    }

    private static JsonNode only(List<JsonNode> items, String kind, String subjectId) {
        List<JsonNode> matching = items.stream().filter(item -> item.get("kind").asText().equals(kind)
                && subjectId.equals(item.get("subjectId").asText(null))).toList();
        assertThat(matching).as("%s items about %s in %s", kind, subjectId, items).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aHighIntentVisitPutsAReviewInTheManagersInboxOnceAndOnlyThere() {
        registerTeam();
        String customerId = api.post("manager", "/api/customers", newCustomer(WORKFLOW_REP)).text("customerId");
        Map<String, Object> visit = Map.of("visitId", "v-high-" + unique, "visitedAt", Instant.now().minusSeconds(60).toString(),
                "channel", "ON_SITE", "notes", "母猪存栏600头，下月换料", "intent", "HIGH");
        Api.Response recorded = api.post(WORKFLOW_REP, "/api/customers/" + customerId + "/visits", visit);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        Api.Response again = api.post(WORKFLOW_REP, "/api/customers/" + customerId + "/visits", visit);
        assertThat(again.status()).isEqualTo(201);

        JsonNode review = only(items(api.get(WORKFLOW_MANAGER, "/api/inbox?kind=REVIEW&size=200&minPosition="
                + again.position())), "REVIEW", "v-high-" + unique);
        assertThat(review.get("customerId").asText()).isEqualTo(customerId);
        assertThat(review.get("recipient").get("repId").asText()).isEqualTo(WORKFLOW_MANAGER);
        assertThat(review.get("done").asBoolean()).isFalse();
        // the rep's manager has it, not every manager, and not the rep
        assertThat(items(api.get("manager", "/api/inbox?kind=REVIEW&size=200")).stream()
                .map(item -> item.get("subjectId").asText())).doesNotContain("v-high-" + unique);
        assertThat(items(api.get(WORKFLOW_REP, "/api/inbox?size=200")).stream()
                .map(item -> item.get("subjectId").asText())).doesNotContain("v-high-" + unique);

        String itemId = review.get("inboxItemId").asText();
        // someone it did not go to cannot see or mark it: 404, and it stays open
        assertRefused(404, streamOf("inbox:" + itemId), () -> api.post("rep-b", "/api/inbox/" + itemId + "/done", null));
        assertThat(api.post("manager", "/api/inbox/no-such-item/done", null).status()).isEqualTo(404);
        Api.Response done = api.post(WORKFLOW_MANAGER, "/api/inbox/" + itemId + "/done", null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(storedEventIds("inbox:" + itemId)).hasSize(2);
        assertThat(api.post(WORKFLOW_MANAGER, "/api/inbox/" + itemId + "/done", null).status()).isEqualTo(200);
        assertThat(storedEventIds("inbox:" + itemId)).as("done twice appends once").hasSize(2);
        assertThat(items(api.get(WORKFLOW_MANAGER, "/api/inbox?kind=REVIEW&size=200&minPosition=" + done.position()))
                .stream().map(item -> item.get("inboxItemId").asText())).doesNotContain(itemId);
        JsonNode withDone = only(items(api.get(WORKFLOW_MANAGER, "/api/inbox?kind=REVIEW&done=true&size=200")), "REVIEW",
                "v-high-" + unique);
        assertThat(withDone.get("done").asBoolean()).isTrue();
        assertThat(withDone.get("doneBy").asText()).isEqualTo(WORKFLOW_MANAGER);

        // a low-intent visit asks nobody for anything
        Api.Response low = api.post(WORKFLOW_REP, "/api/customers/" + customerId + "/visits", Map.of("visitId",
                "v-low-" + unique, "visitedAt", Instant.now().minusSeconds(30).toString(), "channel", "PHONE", "notes",
                "问了价格", "intent", "LOW"));
        assertThat(low.status()).isEqualTo(201);
        assertThat(items(api.get(WORKFLOW_MANAGER, "/api/inbox?done=true&size=200&minPosition=" + low.position())).stream()
                .map(item -> item.get("subjectId").asText())).doesNotContain("v-low-" + unique);
    }

    @Test
    void aRepWithoutAManagerSendsItsReviewToEveryManager() {
        registerRep("rep-a", 1000);
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Api.Response recorded = api.post("rep-a", "/api/customers/" + customerId + "/visits", Map.of("visitId",
                "v-nomgr-" + unique, "visitedAt", Instant.now().minusSeconds(60).toString(), "channel", "ON_SITE",
                "notes", "要报价", "intent", "HIGH"));
        assertThat(recorded.status()).isEqualTo(201);
        JsonNode review = only(items(api.get("manager", "/api/inbox?kind=REVIEW&size=200&minPosition="
                + recorded.position())), "REVIEW", "v-nomgr-" + unique);
        assertThat(review.get("recipient").get("role").asText()).isEqualTo("MANAGER");
    }

    @Test
    void aSampleRequestBecomesAWarehouseTaskWhoseDispatchTellsTheRepAndMovesTheOpportunity() {
        registerRep("rep-a", 1000);
        String product = "sample-feed-" + unique;
        assertThat(api.post("manager", "/api/products", Map.of("productId", product, "name", "教槽料 20kg", "productLine",
                "feed", "unit", "BAG", "listPrice", "210.00")).status()).isEqualTo(201);
        String customerId = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        String opportunityId = api.post("rep-a", "/api/opportunities", Map.of("customerId", customerId, "productLine", "feed"))
                .text("opportunityId");
        String other = api.post("rep-a", "/api/opportunities", Map.of("customerId", customerId, "productLine", "vet"))
                .text("opportunityId");

        // an unknown product refuses the visit, and nothing of it is stored
        assertRefused(404, customerState(customerId), () -> api.post("rep-a", "/api/customers/" + customerId + "/visits",
                Map.of("visitId", "v-bad-" + unique, "visitedAt", Instant.now().minusSeconds(90).toString(), "channel",
                        "ON_SITE", "notes", "要样品", "sampleRequest", Map.of("productId", "no-such-" + unique, "quantity", 2))));
        assertThat(api.post("rep-a", "/api/customers/" + customerId + "/visits", Map.of("visitId", "v-bad2-" + unique,
                "visitedAt", Instant.now().minusSeconds(90).toString(), "channel", "ON_SITE", "notes", "x",
                "sampleRequest", Map.of("productId", product, "quantity", -1))).status()).isEqualTo(400);

        Api.Response visit = api.post("rep-a", "/api/customers/" + customerId + "/visits", Map.of("visitId", "v-sample-" + unique,
                "visitedAt", Instant.now().minusSeconds(60).toString(), "channel", "ON_SITE", "notes", "想试用教槽料",
                "sampleRequest", Map.of("productId", product, "quantity", 2)));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        String sampleId = customerId + ":v-sample-" + unique;
        JsonNode task = only(items(api.get("warehouse", "/api/inbox?kind=SAMPLE_TASK&size=200&minPosition=" + visit.position())),
                "SAMPLE_TASK", sampleId);
        assertThat(task.get("detail").asText()).contains(product).contains("2 of");
        JsonNode timeline = api.get("rep-a", "/api/customers/" + customerId + "/visits?minPosition=" + visit.position()).body();
        assertThat(timeline.get("items").get(0).get("sampleRequest").get("productId").asText()).isEqualTo(product);

        // only the warehouse dispatches
        assertRefused(403, streamOf("sample:" + sampleId), () -> api.post("rep-a", "/api/samples/" + sampleId + "/dispatch",
                Map.of("note", "x")));
        assertThat(api.post("warehouse", "/api/samples/nope-" + unique + "/dispatch", Map.of()).status()).isEqualTo(404);
        Api.Response dispatched = api.post("warehouse", "/api/samples/" + sampleId + "/dispatch", Map.of("note", "顺丰 SF123"));
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        assertThat(api.post("warehouse", "/api/samples/" + sampleId + "/dispatch", Map.of()).status()).isEqualTo(200);
        assertThat(storedEventIds("sample:" + sampleId)).as("requested and dispatched once").hasSize(2);

        JsonNode sent = only(items(api.get("rep-a", "/api/inbox?kind=SAMPLE_SENT&size=200&minPosition=" + dispatched.position())),
                "SAMPLE_SENT", sampleId);
        assertThat(sent.get("detail").asText()).isEqualTo("顺丰 SF123");
        assertThat(items(api.get("warehouse", "/api/inbox?kind=SAMPLE_TASK&size=200")).stream()
                .map(item -> item.get("subjectId").asText())).as("the task is done").doesNotContain(sampleId);
        JsonNode opportunity = api.get("rep-a", "/api/opportunities/" + opportunityId + "?minPosition=" + dispatched.position())
                .body();
        assertThat(opportunity.get("stage").asText()).isEqualTo("SAMPLE_SENT");
        assertThat(api.get("rep-a", "/api/opportunities/" + other).body().get("stage").asText())
                .as("an opportunity of another product line stays").isEqualTo("LEAD");
    }

    @Test
    void everyUserHasAnInboxAndBadParametersAre400() {
        for (String user : List.of("admin", "manager", "auditor", "rep-a", "finance", "warehouse", "dealer-a")) {
            Api.Response inbox = api.get(user, "/api/inbox");
            assertThat(inbox.status()).as(user + ": " + inbox).isEqualTo(200);
            assertThat(inbox.body().get("total").isNumber()).isTrue();
        }
        assertThat(api.get("manager", "/api/inbox?kind=NOPE").status()).isEqualTo(400);
        assertThat(api.get("manager", "/api/inbox?size=0").status()).isEqualTo(400);
        assertThat(api.get(null, "/api/inbox").status()).isEqualTo(401);
    }
}
