package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receivables aging over real deliveries and payments, counted at chosen moments. */
class ReceivablesApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final String product = "aging-" + unique;

    private String customerOf(String rep, int termDays) {
        String id = api.post("manager", "/api/customers", newCustomer(rep)).text("customerId");
        api.post("manager", "/api/customers/" + id + "/credit/requests", Map.of("requestId", "cr-" + id, "limit", "100000.00",
                "paymentTermDays", termDays, "reason", "账期"));
        api.post("finance", "/api/credit/requests/cr-" + id + "/decision", Map.of("decision", "APPROVE"));
        return id;
    }

    /** Delivers an order of {@code bags} bags at 100 yuan; answers the delivery's position. */
    private long delivered(String customerId, int bags) {
        String orderId = "ag-" + UUID.randomUUID();
        Api.Response placed = api.post("manager", "/api/orders", Map.of("orderId", orderId, "customerId", customerId,
                "lines", List.of(Map.of("productId", product, "quantity", bags))));
        assertThat(placed.text("status")).as(placed.toString()).isEqualTo("APPROVED");
        api.post("warehouse", "/api/orders/" + orderId + "/dispatch", null);
        Api.Response delivered = api.post("warehouse", "/api/orders/" + orderId + "/deliver", null);
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        return delivered.position();
    }

    private static JsonNode row(JsonNode aging, String customerId) {
        for (JsonNode row : aging.get("items")) {
            if (row.get("customerId").asText().equals(customerId)) {
                return row.get("buckets");
            }
        }
        return null;
    }

    @Test
    void openAmountsAreAgedByDaysPastTheirDueDateAsTheLedgerStoodThen() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        api.post("manager", "/api/products", Map.of("productId", product, "name", "账龄测试料", "productLine", "feed",
                "unit", "BAG", "listPrice", "100.00"));
        Instant before = Instant.now().minusSeconds(1);
        String cash = customerOf("rep-a", 0);
        String term = customerOf("rep-a", 30);
        String others = customerOf("rep-b", 0);
        delivered(cash, 10);
        delivered(term, 20);
        long at = delivered(others, 5);
        Api.Response paid = api.post("finance", "/api/customers/" + cash + "/payments", Map.of("paymentId", "pay-" + unique,
                "amount", "400.00", "receivedAt", Instant.now().toString(), "method", "BANK_TRANSFER"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        at = Math.max(at, paid.position());

        String in45Days = Instant.now().plus(Duration.ofDays(45)).toString();
        JsonNode aging = api.get("finance", "/api/analytics/receivables?size=200&asOf=" + in45Days + "&minPosition=" + at).body();
        // due at delivery, 45 days later: 31-60; less the 400 paid
        assertThat(row(aging, cash).get("pastDue31To60").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(row(aging, cash).get("outstanding").decimalValue()).isEqualByComparingTo("600.00");
        // due 30 days after delivery: 15 days past due
        assertThat(row(aging, term).get("pastDue0To30").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(row(aging, term).get("pastDue31To60").decimalValue()).isEqualByComparingTo("0");
        JsonNode now = api.get("finance", "/api/analytics/receivables?size=200&minPosition=" + at).body();
        assertThat(row(now, term).get("notDue").decimalValue()).isEqualByComparingTo("2000.00");
        // before the deliveries nobody of these owed anything
        JsonNode then = api.get("finance", "/api/analytics/receivables?size=200&asOf=" + before).body();
        assertThat(row(then, cash)).isNull();
        assertThat(row(then, term)).isNull();

        // a rep reads only their own customers' receivables, and by default those
        JsonNode mine = api.get("rep-a", "/api/analytics/receivables?size=200&minPosition=" + at).body();
        assertThat(mine.get("repId").asText()).isEqualTo("rep-a");
        assertThat(row(mine, cash)).isNotNull();
        assertThat(row(mine, others)).isNull();
        assertThat(mine.get("reps").findValuesAsText("repId")).containsOnly("rep-a");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : mine.get("items")) {
            total = total.add(row.get("buckets").get("outstanding").decimalValue());
        }
        assertThat(mine.get("total").get("outstanding").decimalValue()).as("the page holds every row here")
                .isEqualByComparingTo(total);
        assertThat(api.get("rep-a", "/api/analytics/receivables?repId=rep-b").status()).isEqualTo(403);
        assertThat(api.get("warehouse", "/api/analytics/receivables").status()).isEqualTo(403);
        assertThat(api.get("finance", "/api/analytics/receivables?asOf=3000-01-01T00:00:00Z").status()).isEqualTo(400);
    }
}
