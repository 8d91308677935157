package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reads a web client needs besides the 360 view: one opportunity, a customer's opportunities and deals, the batches. */
class MissingReadsTest extends EmbeddedLedgerTest {

    @Test
    void anOpportunityReadsWithEveryStageItPassedAndItsCustomersRules() {
        String rep = "opp-reader-" + System.nanoTime();
        registerRep(rep, 100);
        String customerId = api.post("manager", "/api/customers", newCustomer(rep)).text("customerId");
        String id = api.post("manager", "/api/opportunities", Map.of("customerId", customerId, "productLine", "feed",
                "expectedValue", 20000)).text("opportunityId");
        api.post("manager", "/api/opportunities/" + id + "/stage", Map.of("stage", "VISITED"));
        long position = api.post("manager", "/api/opportunities/" + id + "/won", Map.of("amount", 18500)).position();

        Api.Response read = api.get("manager", "/api/opportunities/" + id + "?minPosition=" + position);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("customerId")).isEqualTo(customerId);
        assertThat(read.text("stage")).isEqualTo("WON");
        assertThat(read.body().get("stages").findValuesAsText("stage")).containsExactly("LEAD", "VISITED", "WON");
        assertThat(read.body().get("wonAmount").decimalValue()).isEqualByComparingTo("18500");
        assertThat(read.body().path("region").path("province").asText()).isNotEmpty();

        Api.Response unknown = api.get("manager", "/api/opportunities/no-such-opp");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).isEqualTo("urn:customer-ledger:problem:not-found");
        assertThat(api.get("rep-b", "/api/opportunities/" + id).status()).isEqualTo(403);
    }

    @Test
    void aCustomersOpportunitiesAreListedNewestFirstOpenAndClosed() {
        String rep = "opp-lister-" + System.nanoTime();
        registerRep(rep, 100);
        String customerId = api.post("manager", "/api/customers", newCustomer(rep)).text("customerId");
        String first = api.post("manager", "/api/opportunities", Map.of("customerId", customerId, "productLine", "feed"))
                .text("opportunityId");
        api.post("manager", "/api/opportunities/" + first + "/lost", Map.of("reason", "价格太高"));
        Api.Response second = api.post("manager", "/api/opportunities", Map.of("customerId", customerId,
                "productLine", "premix"));

        JsonNode page = api.get("manager", "/api/customers/" + customerId + "/opportunities?minPosition="
                + second.position()).body();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("productLine")).containsExactly("premix", "feed");
        assertThat(page.get("items").get(0).get("stage").asText()).isEqualTo("LEAD");
        assertThat(page.get("items").get(1).get("stage").asText()).isEqualTo("LOST");
        JsonNode one = api.get("manager", "/api/customers/" + customerId + "/opportunities?size=1&page=1").body();
        assertThat(one.get("items").findValuesAsText("opportunityId")).containsExactly(first);
        assertThat(api.get("manager", "/api/customers/no-such-customer/opportunities").status()).isEqualTo(404);
    }

    @Test
    void aCustomersDealsArePagedLatestClosedFirst() {
        String rep = "deal-lister-" + System.nanoTime();
        registerRep(rep, 100);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(rep));
        String customerId = registered.text("customerId");
        Instant registeredAt = Instant.parse(api.get("manager", "/api/customers/" + customerId + "?minPosition="
                + registered.position()).text("registeredAt"));
        long position = 0;
        for (int i = 1; i <= 3; i++) {
            Api.Response deal = api.post("manager", "/api/customers/" + customerId + "/deals", Map.of("dealId", "d" + i,
                    "productLine", "feed", "amount", 1000 * i, "margin", 100, "closedAt", registeredAt.plusMillis(i).toString()));
            assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
            position = deal.position();
        }

        JsonNode page = api.get("manager", "/api/customers/" + customerId + "/deals?size=2&minPosition=" + position).body();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("dealId")).containsExactly("d3", "d2");
        assertThat(page.get("items").get(0).get("creditedRepId").asText()).isEqualTo(rep);
        assertThat(page.get("items").get(0).get("amount").decimalValue()).isEqualByComparingTo("3000");
        assertThat(api.get("rep-b", "/api/customers/" + customerId + "/deals").status()).isEqualTo(403);
    }

    @Test
    void theBatchesAreListedNewestFirstWithTheirProgress() {
        String from = "batch-from-" + System.nanoTime();
        registerRep(from, 100);
        registerRep("rep-b", 1000);
        api.post("manager", "/api/customers", newCustomer(from));
        String older = api.post("manager", "/api/transfers", Map.of("fromRepId", from, "toRepId", "rep-b",
                "reason", "REBALANCE")).text("batchId");
        api.await("manager", "/api/transfers/" + older, r -> "COMPLETED".equals(r.text("status")), Duration.ofSeconds(20));
        Api.Response newer = api.post("manager", "/api/transfers", Map.of("fromRepId", from, "toRepId", "rep-b",
                "reason", "REBALANCE"));
        api.await("manager", "/api/transfers/" + newer.text("batchId"), r -> "COMPLETED".equals(r.text("status")),
                Duration.ofSeconds(20));

        JsonNode page = api.get("auditor", "/api/transfers?size=200&minPosition=" + newer.position()).body();
        JsonNode items = page.get("items");
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        int newerAt = -1;
        int olderAt = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("batchId").asText().equals(newer.text("batchId"))) {
                newerAt = i;
            }
            if (items.get(i).get("batchId").asText().equals(older)) {
                olderAt = i;
                assertThat(items.get(i).get("total").asInt()).isEqualTo(1);
                assertThat(items.get(i).get("pending").asInt()).isZero();
                assertThat(items.get(i).get("kind").asText()).isEqualTo("BULK");
            }
        }
        assertThat(newerAt).isNotNegative().isLessThan(olderAt);
        assertThat(api.get("rep-b", "/api/transfers").status()).isEqualTo(403);
    }
}
