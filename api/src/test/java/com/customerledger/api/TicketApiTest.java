package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Service tickets through HTTP: dispatch by region and crop, the lifecycle with reassignment and reopening,
 * the knowledge base's citations, steps out of order and who may do what. Each test works in a county of its own,
 * so the experts of other tests cover none of its customers.
 */
class TicketApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String county = "县" + unique;

    private Map<String, Object> region() {
        return Map.of("province", "山东省", "city", "潍坊市", "county", county);
    }

    private void expert(String expertId, Map<String, Object> region, List<String> crops, List<String> kinds, int capacity) {
        Api.Response registered = api.post("admin", "/api/experts", Map.of("expertId", expertId, "name", "专家" + expertId,
                "regions", List.of(region), "crops", crops, "species", List.of(), "kinds", kinds, "capacity", capacity));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    /**
     * The registration of the users agro-a and agro-b as experts, the same wherever a test of the shared ledger makes
     * it (the same again changes nothing): province 工单省, agro-a knowing 番茄, agro-b 小麦.
     */
    static Map<String, Object> userExpert(String expert) {
        return Map.of("expertId", expert, "name", "用户专家" + expert, "regions", List.of(Map.of("province", "工单省")),
                "crops", List.of(expert.equals("agro-a") ? "番茄" : "小麦"), "species", List.of(), "kinds", List.of(),
                "capacity", 1000);
    }

    private void usersAsExperts() {
        for (String expert : List.of("agro-a", "agro-b")) {
            Api.Response registered = api.post("admin", "/api/experts", userExpert(expert));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
    }

    /** Days-long deadlines, as the access matrix sets them too: nothing of the shared ledger comes due during a run. */
    static final Map<String, Object> LONG_POLICY = Map.of(
            "firstResponse", Map.of("URGENT", "PT4H", "HIGH", "PT8H", "NORMAL", "P1D", "LOW", "P2D"),
            "resolution", Map.of("URGENT", "P1D", "HIGH", "P2D", "NORMAL", "P5D", "LOW", "P10D"));

    private String customer(String ownerRepId, Map<String, Object> region) {
        registerRep(ownerRepId, 1000);
        Map<String, Object> body = newCustomer(ownerRepId);
        body.put("region", region);
        Api.Response registered = api.post("manager", "/api/customers", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("customerId");
    }

    private static Map<String, Object> ticket(String ticketId, String customerId, String crop) {
        Map<String, Object> body = new HashMap<>(Map.of("ticketId", ticketId, "customerId", customerId, "kind", "AGRONOMY",
                "severity", "HIGH", "subject", "叶片发黄", "description", "大棚里下部叶片叶脉间发黄，已三天"));
        if (crop != null) {
            body.put("crop", crop);
        }
        return body;
    }

    private Api.Response open(String user, Map<String, Object> body) {
        return api.post(user, "/api/tickets", body);
    }

    private JsonNode view(String ticketId, long position) {
        Api.Response view = api.get("manager", "/api/tickets/" + ticketId + "?minPosition=" + position);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        return view.body();
    }

    private static List<String> steps(JsonNode ticket) {
        List<String> steps = new ArrayList<>();
        ticket.get("timeline").forEach(step -> steps.add(step.get("step").asText()));
        return steps;
    }

    @Test
    void aTicketGoesToTheExpertOfTheCustomersRegionWhoKnowsTheCropOrWaitsForAManager() {
        String veg = "veg-" + unique;
        String grain = "grain-" + unique;
        String elsewhere = "far-" + unique;
        expert(veg, Map.of("province", "山东省", "city", "潍坊市", "county", county), List.of("番茄", "黄瓜"), List.of("AGRONOMY"), 5);
        expert(grain, Map.of("province", "山东省", "city", "潍坊市", "county", county), List.of("小麦"), List.of("AGRONOMY"), 50);
        expert(elsewhere, Map.of("province", "河南省", "city", "周口市", "county", county), List.of("番茄"), List.of(), 50);
        String rep = "rep-a";
        String farm = customer(rep, region());

        Api.Response tomato = open(rep, ticket("tk-tomato-" + unique, farm, "番茄"));
        assertThat(tomato.status()).as(tomato.toString()).isEqualTo(201);
        assertThat(tomato.text("assignedExpertId")).isEqualTo(veg);
        Api.Response wheat = open(rep, ticket("tk-wheat-" + unique, farm, "小麦"));
        assertThat(wheat.text("assignedExpertId")).isEqualTo(grain);
        // no crop: neither knows it, both handle AGRONOMY; the less loaded share of capacity wins (grain: 1 of 50)
        Api.Response question = open(rep, ticket("tk-general-" + unique, farm, null));
        assertThat(question.text("assignedExpertId")).isEqualTo(grain);

        JsonNode dispatched = view("tk-tomato-" + unique, tomato.position());
        assertThat(dispatched.get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(steps(dispatched)).containsExactly("OPENED", "ASSIGNED");
        assertThat(dispatched.get("timeline").get(1).get("detail").asText()).contains("knows 番茄");
        assertThat(dispatched.get("timeline").get(0).get("by").asText()).isEqualTo(rep);

        // a customer no expert's region covers waits for a manager, and every manager's inbox lists it
        String henanRep = "rep-a";
        String henanFarm = customer(henanRep, Map.of("province", "河北省", "city", "保定市", "county", county));
        Api.Response waiting = open(henanRep, ticket("tk-wait-" + unique, henanFarm, "番茄"));
        assertThat(waiting.status()).isEqualTo(201);
        assertThat(waiting.body().get("assignedExpertId").isNull()).isTrue();
        JsonNode open = view("tk-wait-" + unique, waiting.position());
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        assertThat(open.get("awaitingAssignmentReason").asText()).isEqualTo("no expert covers 河北省/保定市/" + county);
        JsonNode inbox = api.get("manager", "/api/inbox?kind=TICKET&size=200&minPosition=" + waiting.position()).body();
        assertThat(inbox.get("items").findValuesAsText("subjectId")).contains("tk-wait-" + unique);

        // the experts' load as the managers see it
        List<JsonNode> experts = new ArrayList<>();
        api.get("manager", "/api/experts?minPosition=" + waiting.position()).body().forEach(experts::add);
        assertThat(experts.stream().filter(e -> e.get("expertId").asText().equals(grain)).findFirst().orElseThrow()
                .get("openTickets").asInt()).isEqualTo(2);
        assertThat(experts.stream().filter(e -> e.get("expertId").asText().equals(veg)).findFirst().orElseThrow()
                .get("openTickets").asInt()).isEqualTo(1);
    }

    @Test
    void theSameTicketAgainAnswersTheSameAndStoresNothingWhileOtherDataIsRefused() {
        usersAsExperts();
        String rep = "rep-a";
        String farm = customer(rep, Map.of("province", "工单省", "city", "甲市", "county", county));
        Map<String, Object> body = ticket("tk-idem-" + unique, farm, "番茄");
        Api.Response first = open(rep, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        List<String> stored = storedEventIds("ticket:tk-idem-" + unique);
        Api.Response again = open(rep, body);
        assertThat(again.status()).isEqualTo(201);
        for (String member : List.of("ticketId", "assignedExpertId", "firstResponseDueAt", "resolutionDueAt")) {
            assertThat(again.body().get(member)).as(member).isEqualTo(first.body().get(member));
        }
        assertThat(storedEventIds("ticket:tk-idem-" + unique)).isEqualTo(stored);
        Map<String, Object> other = new HashMap<>(body);
        other.put("subject", "别的事");
        Api.Response conflict = assertRefused(409, streamOf("ticket:tk-idem-" + unique), () -> open(rep, other));
        assertThat(conflict.text("type")).endsWith("id-already-used");
    }

    @Test
    void aTicketIsAnsweredResolvedWithAnArticleClosedReopenedAndReassignedWithEveryStepInItsTimeline() {
        usersAsExperts();
        assertThat(api.put("admin", "/api/policies/service", LONG_POLICY).status()).isEqualTo(200);
        String rep = "rep-a";
        String farm = customer(rep, Map.of("province", "工单省", "city", "乙市", "county", county));
        String id = "tk-life-" + unique;
        Api.Response opened = open(rep, ticket(id, farm, "番茄"));
        assertThat(opened.text("assignedExpertId")).isEqualTo("agro-a");
        java.time.Instant firstDue = java.time.Instant.parse(opened.text("firstResponseDueAt"));
        assertThat(java.time.Instant.parse(opened.text("resolutionDueAt"))).isEqualTo(firstDue.plus(java.time.Duration.ofHours(40)));
        JsonNode task = api.get("agro-a", "/api/inbox?kind=TICKET&size=200&minPosition=" + opened.position()).body();
        assertThat(task.get("items").findValuesAsText("inboxItemId")).contains("ticket:" + id + ":assigned:1");

        Api.Response article = api.post("agro-a", "/api/articles", Map.of("articleId", "kb-" + unique, "title", "番茄缺镁" + unique,
                "body", "下部叶片叶脉间黄化，叶面喷施硫酸镁", "crops", List.of("番茄"), "species", List.of(), "tags", List.of("缺素")));
        assertThat(article.status()).as(article.toString()).isEqualTo(201);
        // a manager gives it to agro-b: agro-b's inbox gets it, agro-a may no longer answer
        Api.Response reassigned = api.post("manager", "/api/tickets/" + id + "/reassign", Map.of("expertId", "agro-b"));
        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        assertThat(api.get("agro-b", "/api/inbox?kind=TICKET&size=200&minPosition=" + reassigned.position()).body()
                .get("items").findValuesAsText("inboxItemId")).contains("ticket:" + id + ":assigned:2");
        assertThat(api.get("agro-a", "/api/inbox?kind=TICKET&size=200&minPosition=" + reassigned.position()).body()
                .get("items").findValuesAsText("inboxItemId")).doesNotContain("ticket:" + id + ":assigned:1");
        assertRefused(403, streamOf("ticket:" + id), () -> api.post("agro-a", "/api/tickets/" + id + "/responses",
                Map.of("note", "我来看")));

        assertThat(api.post("agro-b", "/api/tickets/" + id + "/responses", Map.of("note", "先控水")).status()).isEqualTo(200);
        Api.Response unknownArticle = assertRefused(404, streamOf("ticket:" + id), () -> api.post("agro-b",
                "/api/tickets/" + id + "/resolve", Map.of("resolution", "补镁", "articleId", "kb-none-" + unique)));
        assertThat(unknownArticle.text("type")).endsWith("article-not-found");
        assertThat(api.post("agro-b", "/api/tickets/" + id + "/resolve", Map.of("resolution", "缺镁，喷硫酸镁",
                "articleId", "kb-" + unique)).status()).isEqualTo(200);
        assertThat(api.post(rep, "/api/tickets/" + id + "/close", Map.of("satisfaction", 4)).status()).isEqualTo(200);
        Api.Response reopened = api.post(rep, "/api/tickets/" + id + "/reopen", Map.of("reason", "喷了一周还在黄"));
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);

        JsonNode ticket = view(id, reopened.position());
        assertThat(ticket.get("status").asText()).isEqualTo("REOPENED");
        assertThat(ticket.get("assignedExpertId").asText()).isEqualTo("agro-b");
        assertThat(ticket.get("reopenings").asInt()).isEqualTo(1);
        assertThat(steps(ticket)).containsExactly("OPENED", "ASSIGNED", "ASSIGNED", "RESPONDED", "RESOLVED", "CLOSED", "REOPENED");
        List<String> by = new ArrayList<>();
        ticket.get("timeline").forEach(step -> by.add(step.get("by").asText()));
        assertThat(by).containsExactly(rep, rep, "manager", "agro-b", "agro-b", rep, rep);
        assertThat(ticket.get("firstResponse").get("state").asText()).isEqualTo("MET");
        assertThat(ticket.get("firstResponse").get("dueAt").asText()).isEqualTo(firstDue.toString());
        // reopened: a new resolution deadline, two days from the reopening, pending
        assertThat(ticket.get("resolution").get("metAt").isNull()).isTrue();
        assertThat(ticket.get("resolution").get("state").asText()).isEqualTo("PENDING");
        assertThat(java.time.Instant.parse(ticket.get("resolution").get("dueAt").asText())).isAfter(firstDue.plus(java.time.Duration.ofHours(40)));
        JsonNode articles = api.get("rep-a", "/api/articles?q=" + "番茄缺镁" + unique + "&crop=番茄&minPosition=" + reopened.position())
                .body();
        assertThat(articles.get("items")).hasSize(1);
        assertThat(articles.get("items").get(0).get("citedBy").asInt()).isEqualTo(1);

        // reopened, it goes back to agro-b, who answers and resolves again
        assertThat(api.post("agro-b", "/api/tickets/" + id + "/responses", Map.of("note", "再去看")).status()).isEqualTo(200);
        Api.Response again = api.post("agro-b", "/api/tickets/" + id + "/resolve", Map.of("resolution", "加补钙"));
        assertThat(view(id, again.position()).get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheTicketsStatus() {
        usersAsExperts();
        String rep = "rep-a";
        String farm = customer(rep, Map.of("province", "工单省", "city", "丙市", "county", county));
        String id = "tk-order-" + unique;
        assertThat(open(rep, ticket(id, farm, "番茄")).text("assignedExpertId")).isEqualTo("agro-a");

        Api.Response early = assertRefused(409, streamOf("ticket:" + id), () -> api.post("agro-a",
                "/api/tickets/" + id + "/resolve", Map.of("resolution", "补镁")));
        assertThat(early.text("type")).isEqualTo("urn:customer-ledger:problem:ticket-out-of-order");
        assertThat(early.text("ticketStatus")).isEqualTo("ASSIGNED");
        Api.Response unresolved = assertRefused(409, streamOf("ticket:" + id), () -> api.post(rep,
                "/api/tickets/" + id + "/close", Map.of("satisfaction", 5)));
        assertThat(unresolved.text("ticketStatus")).isEqualTo("ASSIGNED");
        assertThat(assertRefused(409, streamOf("ticket:" + id), () -> api.post(rep, "/api/tickets/" + id + "/reopen",
                Map.of("reason", "再看"))).text("ticketStatus")).isEqualTo("ASSIGNED");

        assertThat(api.post("agro-a", "/api/tickets/" + id + "/responses", Map.of("note", "看过了")).status()).isEqualTo(200);
        assertThat(api.post("agro-a", "/api/tickets/" + id + "/resolve", Map.of("resolution", "补镁")).status()).isEqualTo(200);
        Api.Response late = assertRefused(409, streamOf("ticket:" + id), () -> api.post("manager",
                "/api/tickets/" + id + "/reassign", Map.of("expertId", "agro-b")));
        assertThat(late.text("ticketStatus")).isEqualTo("RESOLVED");
        assertThat(assertRefused(409, streamOf("ticket:" + id), () -> api.post("agro-a", "/api/tickets/" + id + "/responses",
                Map.of("note", "还有"))).text("ticketStatus")).isEqualTo("RESOLVED");
        assertThat(assertRefused(400, streamOf("ticket:" + id), () -> api.post(rep, "/api/tickets/" + id + "/close",
                Map.of("satisfaction", 6))).text("type")).endsWith("invalid-input");
        assertThat(api.post("manager", "/api/tickets/no-such-" + unique + "/reassign", Map.of("expertId", "agro-b")).status())
                .isEqualTo(404);
        assertThat(api.get("manager", "/api/tickets/no-such-" + unique).status()).isEqualTo(404);
    }

    @Test
    void eachCallerSeesAndWorksOnlyTheTicketsItMay() {
        usersAsExperts();
        String rep = "rep-a";
        String otherRep = "rep-b";
        registerRep(otherRep, 1000);
        String farm = customer(rep, Map.of("province", "工单省", "city", "丁市", "county", county));
        String id = "tk-see-" + unique;
        // another rep opens no ticket for a customer not its own, an expert none at all
        assertRefused(403, streamOf("ticket:" + id), () -> open(otherRep, ticket(id, farm, "番茄")));
        assertRefused(403, streamOf("ticket:" + id), () -> open("agro-a", ticket(id, farm, "番茄")));
        Api.Response opened = open(rep, ticket(id, farm, "番茄"));
        assertThat(opened.text("assignedExpertId")).isEqualTo("agro-a");
        long at = opened.position();

        assertThat(api.get(rep, "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(200);
        assertThat(api.get("agro-a", "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(200);
        assertThat(api.get("auditor", "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(200);
        assertThat(api.get("agro-b", "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(403);
        assertThat(api.get(otherRep, "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(403);
        assertThat(api.get("dealer-a", "/api/tickets/" + id + "?minPosition=" + at).status()).isEqualTo(403);

        assertThat(api.get(rep, "/api/tickets?size=200&minPosition=" + at).body().get("items").findValuesAsText("ticketId"))
                .contains(id);
        assertThat(api.get(otherRep, "/api/tickets?size=200&minPosition=" + at).body().get("items").findValuesAsText("ticketId"))
                .doesNotContain(id);
        assertThat(api.get(otherRep, "/api/tickets?customerId=" + farm).status()).isEqualTo(403);
        assertThat(api.get("agro-a", "/api/tickets?status=ASSIGNED&size=200&minPosition=" + at).body().get("items")
                .findValuesAsText("ticketId")).contains(id);
        assertThat(api.get("agro-b", "/api/tickets?size=200&minPosition=" + at).body().get("items")
                .findValuesAsText("ticketId")).doesNotContain(id);
        assertThat(api.get("agro-b", "/api/tickets?expertId=agro-a").status()).isEqualTo(403);
        assertThat(api.get("manager", "/api/tickets?expertId=agro-a&customerId=" + farm + "&minPosition=" + at).body()
                .get("items").findValuesAsText("ticketId")).containsExactly(id);
        assertThat(api.get("dealer-a", "/api/tickets?size=200&minPosition=" + at).body().get("items")
                .findValuesAsText("ticketId")).doesNotContain(id);

        // only the manager reassigns; the expert answers but does not close; the rep does not answer
        assertRefused(403, streamOf("ticket:" + id), () -> api.post(rep, "/api/tickets/" + id + "/reassign",
                Map.of("expertId", "agro-b")));
        assertRefused(403, streamOf("ticket:" + id), () -> api.post(rep, "/api/tickets/" + id + "/responses",
                Map.of("note", "我替专家答")));
        assertRefused(404, streamOf("ticket:" + id), () -> api.post("manager", "/api/tickets/" + id + "/reassign",
                Map.of("expertId", "nobody-" + unique)));
    }
}
