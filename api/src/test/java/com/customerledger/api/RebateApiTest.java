package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rebate programs over real deliveries: the accrual and its explanation while the quarter runs, its settlement
 * once the (moved) clock has left the quarter, exactly once, credited to the customer's account.
 */
class RebateApiTest extends MovableClockLedgerTest {

    private static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private static JsonNode program(JsonNode rebates, String programId) {
        for (JsonNode item : rebates.get("items")) {
            if (item.get("accrual").get("programId").asText().equals(programId)) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, Object> customer(String id, String type) {
        return Map.of("customerId", id, "name", "返点客户" + id, "type", type, "region", Map.of("province", "山东省"),
                "ownerRepId", "rb-rep");
    }

    @Test
    void aRebateAccruesWhileTheQuarterRunsAndIsSettledOnceAfterIt() {
        Api api = new Api(port);
        api.post("admin", "/api/reps", Map.of("repId", "rb-rep", "name", "返点代表", "regions",
                List.of(Map.of("province", "山东省")), "capacity", 100));
        api.post("manager", "/api/customers", customer("rb-dealer", "DEALER"));
        api.post("manager", "/api/customers", customer("rb-farm", "FARM"));
        for (String id : List.of("rb-dealer", "rb-farm")) {
            api.post("manager", "/api/customers/" + id + "/credit/requests", Map.of("requestId", "cr-" + id,
                    "limit", "100000.00", "paymentTermDays", 30, "reason", "返点测试"));
            api.post("finance", "/api/credit/requests/cr-" + id + "/decision", Map.of("decision", "APPROVE"));
        }
        api.post("manager", "/api/products", Map.of("productId", "rb-feed", "name", "返点饲料", "productLine", "feed",
                "unit", "BAG", "listPrice", "100.00"));
        Map<String, Object> feed = new HashMap<>(Map.of("programId", "feed-q", "period", "QUARTER", "productLine", "feed",
                "customerTypes", List.of("DEALER"), "basis", "AMOUNT", "tiers", List.of(Map.of("from", "1000", "percent", "1"),
                        Map.of("from", "5000", "percent", "2.5"))));
        Map<String, Object> withTarget = Map.of("programId", "all-q", "period", "QUARTER", "basis", "AMOUNT",
                "tiers", List.of(Map.of("from", "0", "percent", "3")), "minTargetAttainment", "0.9");
        Map<String, Object> monthly = Map.of("programId", "bags-m", "period", "MONTH", "basis", "QUANTITY",
                "tiers", List.of(Map.of("from", "10", "percent", "1")));
        assertThat(api.put("manager", "/api/policies/rebates", Map.of("programs", List.of(feed))).status()).isEqualTo(403);
        assertThat(api.put("admin", "/api/policies/rebates", Map.of("programs", List.of(Map.of("programId", "bad",
                "period", "QUARTER", "basis", "AMOUNT", "tiers", List.of(Map.of("from", "10", "percent", "1"),
                        Map.of("from", "5", "percent", "2"))))))
                .status()).as("tiers must rise").isEqualTo(400);
        Api.Response policy = api.put("admin", "/api/policies/rebates", Map.of("programs", List.of(feed, withTarget, monthly)));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String quarter = quarterOf(today);
        for (String id : List.of("rb-dealer", "rb-farm")) {
            String order = "rb-order-" + id;
            Api.Response placed = api.post("manager", "/api/orders", Map.of("orderId", order, "customerId", id,
                    "lines", List.of(Map.of("productId", "rb-feed", "quantity", 50))));
            assertThat(placed.text("status")).as(placed.toString()).isEqualTo("APPROVED");
            api.post("warehouse", "/api/orders/" + order + "/dispatch", null);
            assertThat(api.post("warehouse", "/api/orders/" + order + "/deliver", null).status()).isEqualTo(200);
        }
        // the dealer's own quarterly target, half reached: the program that needs 0.9 pays nothing
        long at = api.put("manager", "/api/targets", Map.of("period", quarter, "customerId", "rb-dealer", "amount", "10000"))
                .position();

        JsonNode rebates = api.get("finance", "/api/customers/rb-dealer/rebates?period=" + quarter + "&minPosition=" + at).body();
        assertThat(rebates.get("items").findValuesAsText("programId")).containsExactlyInAnyOrder("feed-q", "all-q");
        JsonNode tiered = program(rebates, "feed-q").get("accrual");
        assertThat(tiered.get("basisValue").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(tiered.get("percent").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(tiered.get("amount").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(tiered.get("explanation").asText()).contains("2.5%");
        JsonNode needsTarget = program(rebates, "all-q").get("accrual");
        assertThat(needsTarget.get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(needsTarget.get("explanation").asText()).contains("0.5");
        JsonNode farm = api.get("finance", "/api/customers/rb-farm/rebates?period=" + quarter).body();
        assertThat(program(farm, "feed-q").get("accrual").get("eligible").asBoolean()).isFalse();
        assertThat(api.get("rb-outsider", "/api/customers/rb-dealer/rebates?period=" + quarter).status()).isEqualTo(401);
        assertThat(api.get("warehouse", "/api/customers/rb-dealer/rebates?period=" + quarter).status()).isEqualTo(403);

        Map<String, Object> settle = Map.of("customerId", "rb-dealer", "programId", "feed-q", "period", quarter);
        Api.Response early = api.post("finance", "/api/rebates/settlements", settle);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("PERIOD_NOT_ENDED");
        assertThat(api.post("manager", "/api/rebates/settlements", settle).status()).isEqualTo(403);

        // the quarter ends
        LocalDate nextQuarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3);
        clock.advance(Duration.between(clock.instant(), nextQuarter.atStartOfDay(ZoneOffset.UTC).toInstant()).plusHours(1));
        Api.Response settled = api.post("finance", "/api/rebates/settlements", settle);
        assertThat(settled.status()).as(settled.toString()).isEqualTo(201);
        assertThat(settled.body().get("amount").decimalValue()).isEqualByComparingTo("125.00");
        Api.Response again = api.post("finance", "/api/rebates/settlements", settle);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("ALREADY_SETTLED");
        assertThat(api.post("finance", "/api/rebates/settlements", Map.of("customerId", "rb-dealer", "programId", "bags-m",
                "period", quarter)).status()).as("not a quarterly program").isEqualTo(404);

        JsonNode credit = api.get("finance", "/api/customers/rb-dealer/credit?minPosition=" + settled.position()).body();
        assertThat(credit.get("outstanding").decimalValue()).as("5000 delivered less the rebate").isEqualByComparingTo("4875.00");
        JsonNode payments = api.get("finance", "/api/customers/rb-dealer/payments?minPosition=" + settled.position()).body();
        assertThat(payments.get("items").findValuesAsText("method")).containsExactly("REBATE");
        JsonNode after = api.get("finance", "/api/customers/rb-dealer/rebates?period=" + quarter + "&minPosition="
                + settled.position()).body();
        assertThat(program(after, "feed-q").get("settledAmount").decimalValue()).isEqualByComparingTo("125.00");
        assertThat(program(after, "feed-q").get("settledBy").asText()).isEqualTo("finance");

        Api.Response fake = api.post("finance", "/api/customers/rb-farm/payments", Map.of("paymentId", "p-fake",
                "amount", "10.00", "receivedAt", clock.instant().toString(), "method", "REBATE"));
        assertThat(fake.status()).as("a rebate is only credited by its settlement").isEqualTo(400);
    }
}
