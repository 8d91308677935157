package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dealer (user dealer-a, acting as customer c-dealer-a) orders for itself, confirms its deliveries, and
 * reads its own orders, credit, payments and prices; nothing of any other customer, and not even its own
 * 360 view, which holds the company's notes on it.
 */
class DealerApiTest extends EmbeddedLedgerTest {

    private static final String DEALER = "c-dealer-a";
    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String product = "dealer-feed-" + unique;
    private String other;

    @BeforeEach
    void dealerWithCredit() {
        registerRep("rep-a", 1000);
        if (api.get("manager", "/api/customers/" + DEALER).status() == 404) {
            Map<String, Object> dealer = newCustomer("rep-a");
            dealer.put("customerId", DEALER);
            dealer.put("type", "DEALER");
            Api.Response registered = api.post("manager", "/api/customers", dealer);
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            api.post("rep-a", "/api/customers/" + DEALER + "/credit/requests", Map.of("requestId", "cr-" + DEALER,
                    "limit", "1000000.00", "paymentTermDays", 30, "reason", "经销商授信"));
            api.post("finance", "/api/credit/requests/cr-" + DEALER + "/decision", Map.of("decision", "APPROVE"));
        }
        api.post("manager", "/api/products", Map.of("productId", product, "name", "经销商育肥料", "productLine", "feed",
                "unit", "TON", "listPrice", "3200.00"));
        other = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
    }

    private Map<String, Object> orderFor(String customerId, String orderId) {
        return Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", product, "quantity", 2)));
    }

    @Test
    void aDealerOrdersForItselfAndConfirmsItsDelivery() {
        String orderId = "dso-" + unique;
        Api.Response placed = api.post("dealer-a", "/api/orders", orderFor(DEALER, orderId));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.text("status")).isEqualTo("APPROVED");
        JsonNode order = api.get("dealer-a", "/api/orders/" + orderId + "?minPosition=" + placed.position()).body();
        assertThat(order.get("steps").get(0).get("by").asText()).isEqualTo("dealer-a");

        assertThat(api.post("warehouse", "/api/orders/" + orderId + "/dispatch", null).status()).isEqualTo(200);
        assertRefused(403, streamOf("order:" + orderId), () -> api.post("dealer-b", "/api/orders/" + orderId + "/deliver", null));
        Api.Response delivered = api.post("dealer-a", "/api/orders/" + orderId + "/deliver", Map.of("note", "已到货"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        JsonNode credit = api.get("dealer-a", "/api/customers/" + DEALER + "/credit?minPosition=" + delivered.position()).body();
        assertThat(credit.get("outstanding").decimalValue()).isPositive();
        // the delivery is the owner's deal, as any delivery
        JsonNode deals = api.get("rep-a", "/api/customers/" + DEALER + "/deals?minPosition=" + delivered.position()).body();
        assertThat(deals.get("items").findValuesAsText("dealId")).contains(orderId + ":feed");
        assertThat(deals.get("items").findValuesAsText("creditedRepId")).contains("rep-a");

        String second = "dso2-" + unique;
        api.post("dealer-a", "/api/orders", orderFor(DEALER, second));
        assertRefused(403, streamOf("order:" + second), () -> api.post("dealer-b", "/api/orders/" + second + "/cancel", null));
        assertThat(api.post("dealer-a", "/api/orders/" + second + "/cancel", Map.of("note", "改单")).status()).isEqualTo(200);
    }

    @Test
    void aDealerReachesNothingOfAnotherCustomer() {
        String theirs = "dso-other-" + unique;
        assertRefused(403, streamOf("order:" + theirs), () -> api.post("dealer-a", "/api/orders", orderFor(other, theirs)));
        Api.Response placed = api.post("rep-a", "/api/orders", orderFor(other, theirs));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String mine = "dso-mine-" + unique;
        long position = api.post("dealer-a", "/api/orders", orderFor(DEALER, mine)).position();

        assertThat(api.get("dealer-a", "/api/orders/" + theirs + "?minPosition=" + placed.position()).status()).isEqualTo(403);
        JsonNode listed = api.get("dealer-a", "/api/orders?size=200&minPosition=" + position).body();
        assertThat(listed.get("items").findValuesAsText("orderId")).contains(mine).doesNotContain(theirs);
        assertThat(listed.get("items").findValuesAsText("customerId")).containsOnly(DEALER);
        assertThat(api.get("dealer-a", "/api/orders?customerId=" + other).status()).isEqualTo(403);
        assertThat(api.get("dealer-a", "/api/orders?repId=rep-a").status()).isEqualTo(403);

        for (String path : List.of("/credit", "/payments")) {
            assertThat(api.get("dealer-a", "/api/customers/" + DEALER + path).status()).as(path).isEqualTo(200);
            assertThat(api.get("dealer-a", "/api/customers/" + other + path).status()).as(path).isEqualTo(403);
        }
        assertThat(api.get("dealer-a", "/api/prices?customerId=" + DEALER + "&productId=" + product).status()).isEqualTo(200);
        assertThat(api.get("dealer-a", "/api/prices?customerId=" + other + "&productId=" + product).status()).isEqualTo(403);
        for (String path : List.of("/api/customers/" + DEALER, "/api/customers", "/api/customers/" + DEALER + "/deals",
                "/api/reps", "/api/pool", "/api/credit/requests", "/api/analytics/leaderboard")) {
            Api.Response refused = api.get("dealer-a", path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.text("type")).as(path).startsWith("urn:customer-ledger:problem:");
        }
    }

    @Test
    void aDealerReportsItsSellThroughAndANewReportSupersedesTheOld() {
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String path = "/api/customers/" + DEALER + "/sell-through";
        String first = "st1-" + unique;
        Map<String, Object> report = Map.of("reportId", first, "period", month,
                "lines", List.of(Map.of("productId", product, "quantity", 12, "amount", "40000.00")));
        Api.Response reported = api.post("dealer-a", path, report);
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String reports = "sell-through:" + DEALER + ":" + month;
        assertRefused(201, streamOf(reports), () -> api.post("dealer-a", path, report));
        assertRefused(409, streamOf(reports), () -> api.post("dealer-a", path, Map.of("reportId", first, "period", month,
                "lines", List.of(Map.of("productId", product, "quantity", 13, "amount", "40000.00")))));
        assertRefused(403, streamOf(reports), () -> api.post("dealer-b", path, report));
        assertRefused(404, streamOf(reports), () -> api.post("dealer-a", path, Map.of("reportId", "st-x-" + unique,
                "period", month, "lines", List.of(Map.of("productId", "no-such-product", "quantity", 1, "amount", "1")))));
        assertRefused(400, streamOf(reports), () -> api.post("dealer-a", path, Map.of("reportId", "st-y-" + unique,
                "period", "2026-13", "lines", List.of(Map.of("productId", product, "quantity", 1, "amount", "1")))));

        String second = "st2-" + unique;
        Api.Response corrected = api.post("rep-a", path, Map.of("reportId", second, "period", month,
                "lines", List.of(Map.of("productId", product, "quantity", 15, "amount", "48000.00"))));
        assertThat(corrected.status()).as("the owner may report for it").isEqualTo(201);
        JsonNode view = api.get("dealer-a", path + "?period=" + month + "&minPosition=" + corrected.position()).body();
        assertThat(view.get("reportId").asText()).isEqualTo(second);
        assertThat(view.get("amount").decimalValue()).isEqualByComparingTo("48000.00");
        assertThat(view.get("reportedBy").asText()).isEqualTo("rep-a");
        assertThat(view.get("superseded").findValuesAsText("reportId")).contains(first);
        assertThat(api.get("dealer-b", path + "?period=" + month).status()).isEqualTo(403);

        // a rebate reached by what the dealer sold on
        Api.Response policy = api.put("admin", "/api/policies/rebates", Map.of("programs", List.of(Map.of("programId",
                "st-" + unique, "period", "MONTH", "productLine", "feed", "basis", "SELL_THROUGH",
                "tiers", List.of(Map.of("from", "45000", "percent", "2"))))));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        JsonNode rebates = api.get("dealer-a", "/api/customers/" + DEALER + "/rebates?period=" + month + "&minPosition="
                + policy.position()).body();
        JsonNode accrual = rebates.get("items").get(0).get("accrual");
        assertThat(accrual.get("basis").asText()).isEqualTo("SELL_THROUGH");
        assertThat(accrual.get("basisValue").decimalValue()).as("the report in force, not the superseded one")
                .isEqualByComparingTo("48000.00");
        assertThat(accrual.get("percent").decimalValue()).isEqualByComparingTo("2");
        assertThat(api.get("dealer-a", "/api/customers/" + other + "/rebates?period=" + month).status()).isEqualTo(403);
    }
}
