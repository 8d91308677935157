package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a little of everything (two reps, customers with owners, pool, collaborators, visits, deals,
 * an opportunity, a bulk transfer) and then sends every read the API offers, with each filter, so a
 * test can see how the read-model store answered them (which indexes it used). Needs a ledger of its
 * own with the default users; registers rep-a and rep-b.
 */
final class EveryRead {

    private EveryRead() {
    }

    /** The reads sent, as paths; each answered 200. */
    static List<String> run(Api api, String tag) {
        String repA = "rep-a";
        String repB = "rep-b";
        for (String rep : List.of(repA, repB)) {
            assertThat(api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                    "regions", List.of(Map.of("province", "山东省")), "capacity", 50)).status()).isEqualTo(201);
        }
        List<String> customers = new ArrayList<>();
        long position = 0;
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", "索引养殖场" + tag + i, "type", "FARM",
                    "region", Map.of("province", "山东省", "city", "潍坊市", "county", "寿光市"),
                    "phone", "1390000" + String.format("%04d", Math.abs((tag + i).hashCode()) % 10_000)));
            if (i < 4) {
                body.put("ownerRepId", i % 2 == 0 ? repA : repB);
            }
            Api.Response registered = api.post("manager", "/api/customers", body);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            customers.add(registered.text("customerId"));
            position = registered.position();
        }
        String owned = customers.get(0);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        position = api.post(repA, "/api/customers/" + owned + "/visits", Map.of("visitedAt", now.minusSeconds(3600).toString(),
                "channel", "ON_SITE", "notes", "看猪场", "nextFollowUpAt", now.plusSeconds(86_400).toString())).position();
        position = Math.max(position, api.post("manager", "/api/customers/" + owned + "/deals", Map.of("productLine", "feed",
                "amount", 1200, "margin", 10, "closedAt", Instant.now().toString())).position());
        position = Math.max(position, api.post("manager", "/api/customers/" + owned + "/collaborators",
                Map.of("repId", repB, "role", "VIEWER")).position());
        Api.Response opportunity = api.post(repA, "/api/opportunities",
                Map.of("customerId", owned, "productLine", "feed", "expectedValue", 5000));
        assertThat(opportunity.status()).as(opportunity.toString()).isEqualTo(201);
        position = Math.max(position, opportunity.position());
        Api.Response batch = api.post("manager", "/api/transfers", Map.of("fromRepId", repB, "toRepId", repA,
                "reason", "REBALANCE"));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(202);
        String batchId = batch.text("batchId");
        api.await("manager", "/api/transfers/" + batchId, r -> "COMPLETED".equals(r.body().path("status").asText()),
                java.time.Duration.ofSeconds(30));
        position = Math.max(position, api.get("admin", "/api/admin/projections").body().get(0).path("head").asLong());

        // a ticket of the owned customer, dispatched to an expert of its region, and an article
        assertThat(api.post("admin", "/api/experts", Map.of("expertId", "agro-a", "name", "王农艺师",
                "regions", List.of(Map.of("province", "山东省")), "crops", List.of("番茄"), "capacity", 10)).status()).isEqualTo(201);
        assertThat(api.post("manager", "/api/articles", Map.of("articleId", "kb-" + tag, "title", "番茄缺镁", "body", "喷硫酸镁",
                "crops", List.of("番茄"))).status()).isEqualTo(201);
        Api.Response ticket = api.post("manager", "/api/tickets", Map.of("ticketId", "t-" + tag, "customerId", owned,
                "kind", "AGRONOMY", "severity", "HIGH", "subject", "黄叶", "description", "番茄黄叶", "crop", "番茄"));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        position = Math.max(position, ticket.position());

        String from = now.minus(30, ChronoUnit.DAYS).toString();
        String to = now.plus(1, ChronoUnit.DAYS).toString();
        String at = "minPosition=" + position;
        List<String> reads = List.of(
                "/api/customers?" + at,
                "/api/customers?q=" + encode("索引养殖场" + tag) + "&" + at,
                "/api/customers?q=1390000&" + at,
                "/api/customers?type=FARM&" + at,
                "/api/customers?region=" + encode("山东省/潍坊市/寿光市") + "&" + at,
                "/api/customers?ownerRepId=" + repA + "&" + at,
                "/api/customers?grade=A&" + at,
                "/api/customers?inPool=true&" + at,
                "/api/pool?" + at,
                "/api/pool?region=" + encode("山东省") + "&" + at,
                "/api/customers/" + owned + "?" + at,
                "/api/customers/" + owned + "/visits?" + at,
                "/api/customers/" + owned + "/deals?" + at,
                "/api/customers/" + owned + "/opportunities?" + at,
                "/api/opportunities/" + opportunity.text("opportunityId") + "?" + at,
                "/api/customers/" + owned + "/ownership?" + at,
                "/api/customers/" + owned + "/ownership?asOf=" + now.minusSeconds(60) + "&" + at,
                "/api/reps?" + at,
                "/api/reps/" + repA + "?" + at,
                "/api/reps/" + repA + "/portfolio?" + at,
                "/api/reps/" + repA + "/portfolio?due=overdue&" + at,
                "/api/reps/" + repA + "/portfolio?asOf=" + now + "&" + at,
                "/api/transfers?" + at,
                "/api/transfers/" + batchId + "?" + at,
                "/api/analytics/grades?by=rep&" + at,
                "/api/analytics/grades?by=region&" + at,
                "/api/analytics/customers-by-region?" + at,
                "/api/analytics/leaderboard?from=" + from + "&to=" + to + "&" + at,
                "/api/analytics/receivables?" + at,
                "/api/analytics/sales?from=" + from + "&to=" + to + "&" + at,
                "/api/forecast?" + at,
                "/api/analytics/receivables?repId=" + repA + "&" + at,
                "/api/funnel?from=" + from + "&to=" + to + "&" + at,
                "/api/funnel?from=" + from + "&to=" + to + "&repId=" + repA + "&" + at,
                "/api/policies/assignment?" + at,
                "/api/policies/assignment/versions?" + at,
                "/api/policies/pool?" + at,
                "/api/policies/grading?" + at,
                "/api/inbox?" + at,
                "/api/policies/reminders?" + at,
                "/api/inbox?done=true&kind=REVIEW&" + at,
                "/api/experts?" + at,
                "/api/articles?" + at,
                "/api/articles?q=" + encode("缺镁") + "&crop=" + encode("番茄") + "&" + at,
                "/api/policies/service?" + at,
                "/api/tickets?" + at,
                "/api/tickets?status=ASSIGNED&expertId=agro-a&" + at,
                "/api/tickets?customerId=" + owned + "&overdue=false&" + at,
                "/api/tickets/t-" + tag + "?" + at);
        for (String read : reads) {
            Api.Response answer = api.get("manager", read);
            assertThat(answer.status()).as(read + " → " + answer).isEqualTo(200);
        }
        return reads;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
