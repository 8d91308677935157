package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opportunities, the funnel and the dashboards through HTTP. */
class OpportunityApiTest extends EmbeddedLedgerTest {

    @Test
    void opportunitiesMoveForwardAndFeedFunnelAndDashboards() {
        Instant from = Instant.now().minus(Duration.ofMinutes(1));
        String rep = "seller-" + System.nanoTime();
        registerRep(rep, 100);
        registerRep("rep-b", 1000);
        Map<String, Object> customer = newCustomer(rep);
        customer.put("region", Map.of("province", "漏斗省", "city", "甲市"));
        String customerId = api.post("manager", "/api/customers", customer).text("customerId");

        Api.Response won = api.post("manager", "/api/opportunities", Map.of("customerId", customerId,
                "productLine", "feed", "expectedValue", 20000));
        assertThat(won.status()).as(won.toString()).isEqualTo(201);
        String wonId = won.text("opportunityId");
        Api.Response lost = api.post("manager", "/api/opportunities", Map.of("customerId", customerId, "productLine", "premix"));
        String lostId = lost.text("opportunityId");
        Api.Response lead = api.post("manager", "/api/opportunities", Map.of("customerId", customerId, "productLine", "vet"));

        assertThat(api.post("manager", "/api/opportunities/" + wonId + "/stage", Map.of("stage", "VISITED")).status())
                .isEqualTo(200);
        assertThat(api.post("manager", "/api/opportunities/" + wonId + "/stage",
                Map.of("stage", "SAMPLE_SENT", "note", "寄出两袋试用装")).status()).isEqualTo(200);
        Api.Response backwards = assertRefused(409, streamOf("opportunity:" + wonId), () -> api.post("manager",
                "/api/opportunities/" + wonId + "/stage", Map.of("stage", "VISITED")));
        assertThat(backwards.text("code")).isEqualTo("STAGE_BACKWARDS");
        assertRefused(400, streamOf("opportunity:" + wonId), () -> api.post("manager", "/api/opportunities/" + wonId
                + "/stage", Map.of("stage", "WON")));
        Api.Response closing = api.post("manager", "/api/opportunities/" + wonId + "/won", Map.of("amount", 18500));
        assertThat(closing.status()).isEqualTo(200);
        assertRefused(409, streamOf("opportunity:" + wonId), () -> api.post("manager", "/api/opportunities/" + wonId
                + "/lost", Map.of("reason", "x")));
        Api.Response lostClose = api.post("manager", "/api/opportunities/" + lostId + "/lost", Map.of("reason", "价格太高"));
        assertThat(lostClose.status()).isEqualTo(200);
        assertRefused(403, streamOf("opportunity:" + lead.text("opportunityId")), () -> api.post("rep-b",
                "/api/opportunities/" + lead.text("opportunityId") + "/stage", Map.of("stage", "VISITED")));

        Instant to = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode funnel = api.get("manager", "/api/funnel?from=" + from + "&to=" + to + "&repId=" + rep
                + "&minPosition=" + lostClose.position()).body();
        assertThat(funnel.get("opportunities").asInt()).isEqualTo(3);
        assertThat(funnel.get("stages").findValuesAsText("reached")).containsExactly("3", "1", "1", "1", "1");
        assertThat(funnel.get("stages").get(0).get("conversionToNext").asDouble()).isEqualTo(0.3333);
        assertThat(funnel.get("won").asInt()).isEqualTo(1);
        assertThat(funnel.get("lost").asInt()).isEqualTo(1);
        assertThat(funnel.get("wonValue").decimalValue()).isEqualByComparingTo("18500");
        assertThat(api.get("manager", "/api/funnel?from=" + from + "&to=" + to + "&region=漏斗省/甲市&repId=" + rep).body()
                .get("opportunities").asInt()).isEqualTo(3);
        assertThat(api.get("rep-b", "/api/funnel?from=" + from + "&to=" + to + "&repId=" + rep).status()).isEqualTo(403);
        assertThat(api.get("manager", "/api/funnel?from=" + to + "&to=" + from).status()).isEqualTo(400);

        JsonNode view = api.get("manager", "/api/customers/" + customerId + "?minPosition=" + lostClose.position()).body();
        assertThat(view.get("openOpportunities").findValuesAsText("productLine")).containsExactly("vet");

        JsonNode board = api.get("auditor", "/api/analytics/leaderboard?from=" + from + "&to=" + to + "&minPosition=" + lostClose.position()).body();
        JsonNode row = null;
        for (JsonNode candidate : board.get("rows")) {
            if (candidate.get("repId").asText().equals(rep)) {
                row = candidate;
            }
        }
        assertThat(row.get("wonValue").decimalValue()).isEqualByComparingTo("18500");
        assertThat(row.get("opportunitiesWon").asInt()).isEqualTo(1);

        JsonNode regions = api.get("manager", "/api/analytics/customers-by-region").body();
        JsonNode region = null;
        for (JsonNode candidate : regions.get("rows")) {
            if (candidate.get("province").asText().equals("漏斗省")) {
                region = candidate;
            }
        }
        assertThat(region.get("city").asText()).isEqualTo("甲市");
        assertThat(region.get("byType").get("FARM").asInt()).isEqualTo(1);
        assertThat(api.get("rep-a", "/api/analytics/customers-by-region").status()).isEqualTo(403);
    }
}
