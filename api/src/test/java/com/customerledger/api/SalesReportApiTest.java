package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sales by product with repurchase, and the forecast learned from closed opportunities, over a product line of their own. */
class SalesReportApiTest extends EmbeddedLedgerTest {

    private final String line = "line-" + UUID.randomUUID().toString().substring(0, 8);

    private long deliver(String customerId, String productId, int quantity) {
        String orderId = "sr-" + UUID.randomUUID();
        api.post("manager", "/api/orders", Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", productId, "quantity", quantity))));
        api.post("warehouse", "/api/orders/" + orderId + "/dispatch", null);
        Api.Response delivered = api.post("warehouse", "/api/orders/" + orderId + "/deliver", null);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        return delivered.position();
    }

    private String customerWithCredit() {
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        api.post("manager", "/api/customers/" + id + "/credit/requests", Map.of("requestId", "cr-" + id, "limit", "1000000",
                "paymentTermDays", 30, "reason", "报表"));
        api.post("finance", "/api/credit/requests/cr-" + id + "/decision", Map.of("decision", "APPROVE"));
        return id;
    }

    @Test
    void salesAreSummedByProductAndLineWithTheShareOfCustomersWhoBoughtAgain() {
        registerRep("rep-a", 1000);
        String small = line + "-s";
        String big = line + "-b";
        api.post("manager", "/api/products", Map.of("productId", small, "name", "小袋", "productLine", line, "unit", "BAG",
                "listPrice", "10.00"));
        api.post("manager", "/api/products", Map.of("productId", big, "name", "大袋", "productLine", line, "unit", "BAG",
                "listPrice", "100.00"));
        String once = customerWithCredit();
        String twice = customerWithCredit();
        String thrice = customerWithCredit();
        deliver(once, small, 5);
        deliver(twice, big, 1);
        deliver(twice, small, 2);
        deliver(thrice, big, 2);
        deliver(thrice, big, 3);
        long at = deliver(thrice, small, 1);

        JsonNode report = api.get("finance", "/api/analytics/sales?productLine=" + line + "&minPosition=" + at).body();
        assertThat(report.get("orders").asLong()).isEqualTo(6);
        assertThat(report.get("amount").decimalValue()).isEqualByComparingTo("680.00");
        JsonNode first = report.get("byProduct").get(0);
        assertThat(first.get("productId").asText()).as("the largest amount first").isEqualTo(big);
        assertThat(first.get("quantity").decimalValue()).isEqualByComparingTo("6");
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(first.get("orders").asLong()).isEqualTo(3);
        assertThat(first.get("customers").asLong()).isEqualTo(2);
        assertThat(report.get("byProductLine").get(0).get("customers").asLong()).isEqualTo(3);
        JsonNode repurchase = report.get("repurchase");
        assertThat(repurchase.get("customers").asLong()).isEqualTo(3);
        assertThat(repurchase.get("repeatCustomers").asLong()).isEqualTo(2);
        assertThat(repurchase.get("rate").asDouble()).isEqualTo(0.6667);
        assertThat(api.get("rep-a", "/api/analytics/sales").status()).isEqualTo(403);

        // the dealers' sell-through of a month inside the range counts; of a month outside it, not
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        api.post("manager", "/api/customers/" + twice + "/sell-through", Map.of("reportId", "st-" + line, "period", month,
                "lines", List.of(Map.of("productId", big, "quantity", 1, "amount", "130.00"))));
        long reported = api.post("manager", "/api/customers/" + thrice + "/sell-through", Map.of("reportId", "st2-" + line,
                "period", month, "lines", List.of(Map.of("productId", small, "quantity", 2, "amount", "25.00")))).position();
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        JsonNode withSoldOn = api.get("finance", "/api/analytics/sales?productLine=" + line + "&from=" + now.atDay(1)
                + "&to=" + now.plusMonths(1).atDay(1) + "&minPosition=" + reported).body();
        JsonNode soldOn = withSoldOn.get("sellThrough").get(0);
        assertThat(soldOn.get("amount").decimalValue()).isEqualByComparingTo("155.00");
        assertThat(soldOn.get("dealers").asLong()).isEqualTo(2);
        JsonNode lastMonth = api.get("finance", "/api/analytics/sales?productLine=" + line + "&from=" + now.minusMonths(1).atDay(1)
                + "&to=" + now.atDay(1)).body();
        assertThat(lastMonth.get("sellThrough")).isEmpty();

        // three deliveries within seconds tell no cycle; nobody guesses
        JsonNode next = api.get("rep-a", "/api/customers/" + thrice + "/next-purchase?minPosition=" + at).body();
        assertThat(next.get("expectedAt").isNull()).as(next.toString()).isTrue();
        assertThat(next.get("reason").asText()).startsWith("too little history");
        assertThat(api.get("rep-b", "/api/customers/" + thrice + "/next-purchase").status()).isEqualTo(403);
    }

    @Test
    void theForecastWeighsOpenOpportunitiesByRatesLearnedFromClosedOnes() {
        registerRep("rep-a", 1000);
        String customer = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        long at = 0;
        // five quoted and closed: three won, two lost; one more lost as a lead
        for (int i = 0; i < 6; i++) {
            String id = api.post("rep-a", "/api/opportunities", Map.of("customerId", customer, "productLine", line,
                    "expectedValue", 1000)).text("opportunityId");
            if (i < 5) {
                for (String stage : List.of("VISITED", "SAMPLE_SENT", "QUOTED")) {
                    api.post("rep-a", "/api/opportunities/" + id + "/stage", Map.of("stage", stage));
                }
            }
            at = (i < 3 ? api.post("rep-a", "/api/opportunities/" + id + "/won", Map.of("amount", 900))
                    : api.post("rep-a", "/api/opportunities/" + id + "/lost", Map.of("reason", "价格"))).position();
        }
        String quoted = api.post("rep-a", "/api/opportunities", Map.of("customerId", customer, "productLine", line,
                "expectedValue", 10000)).text("opportunityId");
        api.post("rep-a", "/api/opportunities/" + quoted + "/stage", Map.of("stage", "QUOTED"));
        at = api.post("rep-a", "/api/opportunities", Map.of("customerId", customer, "productLine", line,
                "expectedValue", 2000)).position();

        JsonNode forecast = api.get("manager", "/api/forecast?productLine=" + line + "&minPosition=" + at).body();
        Map<String, JsonNode> rates = new java.util.HashMap<>();
        forecast.get("rates").forEach(rate -> rates.put(rate.get("stage").asText(), rate));
        assertThat(rates.get("LEAD").get("rate").asDouble()).isEqualTo(0.5);      // 3 won of 6 closed
        assertThat(rates.get("LEAD").get("learned").asBoolean()).isTrue();
        assertThat(rates.get("QUOTED").get("rate").asDouble()).isEqualTo(0.6);    // 3 won of 5 that were quoted
        assertThat(rates.get("QUOTED").get("basis").asLong()).isEqualTo(5);
        assertThat(forecast.get("openOpportunities").asLong()).isEqualTo(2);
        // 10,000 quoted × 0.6 + 2,000 lead × 0.5
        assertThat(forecast.get("weightedValue").decimalValue()).isEqualByComparingTo("7000.00");
        JsonNode few = api.get("manager", "/api/forecast?productLine=" + line + "&from=2000-01-01&to=2000-02-01").body();
        assertThat(few.get("rates").get(0).get("learned").asBoolean()).as("nothing closed then").isFalse();
        assertThat(few.get("rates").get(0).get("rate").asDouble()).isEqualTo(0.1);
        assertThat(api.get("rep-b", "/api/forecast?repId=rep-a").status()).isEqualTo(403);
    }
}
