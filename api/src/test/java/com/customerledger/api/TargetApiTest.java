package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sales targets of a rep and of a dealer, measured by the deals of the period. */
class TargetApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    /** The ledger's zone (ledger.zone): its months begin at midnight in Beijing. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final String month = YearMonth.now(ZONE).toString();

    private long deal(String customerId, String amount) {
        Api.Response deal = api.post("manager", "/api/customers/" + customerId + "/deals", Map.of("productLine", "feed",
                "amount", amount, "margin", "1", "closedAt", Instant.now().toString()));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        return deal.position();
    }

    private static JsonNode target(JsonNode targets, String field, String id) {
        for (JsonNode target : targets.get("items")) {
            if (id.equals(target.get(field).asText())) {
                return target;
            }
        }
        return null;
    }

    @Test
    void aTargetIsReachedByTheDealsOfItsPeriod() {
        String rep = "tg-" + unique;
        registerRep(rep, 100);
        String customer = api.post("manager", "/api/customers", newCustomer(rep)).text("customerId");
        String dealer = api.post("manager", "/api/customers", newCustomer(rep)).text("customerId");
        deal(customer, "300.00");
        deal(dealer, "450.00");
        Api.Response set = api.put("manager", "/api/targets", Map.of("period", month, "repId", rep, "amount", "1000.00"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        String targetId = set.text("targetId");
        Api.Response dealerTarget = api.put("manager", "/api/targets", Map.of("period", month, "customerId", dealer,
                "amount", "900"));
        assertThat(dealerTarget.status()).as(dealerTarget.toString()).isEqualTo(200);

        JsonNode targets = api.get("manager", "/api/targets?period=" + month + "&minPosition=" + dealerTarget.position()).body();
        JsonNode mine = target(targets, "targetId", targetId);
        assertThat(mine.get("actual").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(mine.get("attainment").decimalValue()).isEqualByComparingTo("0.75");
        JsonNode theDealer = target(targets, "customerId", dealer);
        assertThat(theDealer.get("actual").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(theDealer.get("attainment").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(targets.get("from").asText()).as("the month starts at midnight in the ledger's zone")
                .isEqualTo(YearMonth.now(ZONE).atDay(1).atStartOfDay(ZONE).toInstant().toString());

        // a lower target, then the same again: one change, attainment above 1
        Api.Response lower = api.put("manager", "/api/targets", Map.of("period", month, "repId", rep, "amount", "500"));
        assertThat(storedEventIds(targetId)).hasSize(2);
        assertThat(api.put("admin", "/api/targets", Map.of("period", month, "repId", rep, "amount", "500.00")).status())
                .isEqualTo(200);
        assertThat(storedEventIds(targetId)).as("the same amount again appends nothing").hasSize(2);
        long at = Math.max(lower.position(), deal(customer, "250"));
        JsonNode board = api.get("manager", "/api/analytics/leaderboard?period=" + month + "&minPosition=" + at).body();
        JsonNode row = null;
        for (JsonNode r : board.get("rows")) {
            if (r.get("repId").asText().equals(rep)) {
                row = r;
            }
        }
        assertThat(row).as(board.toString()).isNotNull();
        assertThat(row.get("target").decimalValue()).isEqualByComparingTo("500");
        assertThat(row.get("dealAmount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(row.get("attainment").decimalValue()).isEqualByComparingTo("2");

        assertRefused(400, streamOf(targetId), () -> api.put("manager", "/api/targets", Map.of("period", month, "repId", rep,
                "customerId", customer, "amount", "1")));
        assertRefused(400, streamOf(targetId), () -> api.put("manager", "/api/targets", Map.of("period", "2026-13",
                "repId", rep, "amount", "1")));
        assertRefused(403, streamOf(targetId), () -> api.put("rep-a", "/api/targets", Map.of("period", month, "repId", rep,
                "amount", "1")));
        assertThat(api.put("manager", "/api/targets", Map.of("period", month, "repId", "no-such-rep-" + unique,
                "amount", "1")).status()).isEqualTo(404);
        assertThat(api.get("manager", "/api/analytics/leaderboard?period=" + month + "&from=2026-01-01").status())
                .isEqualTo(400);
        assertThat(api.get("manager", "/api/targets?period=Q4").status()).isEqualTo(400);
        assertThat(api.get("rep-a", "/api/targets?period=" + month + "&repId=" + rep).status()).isEqualTo(403);
        registerRep("rep-a", 1000);
        long repATarget = api.put("manager", "/api/targets", Map.of("period", month, "repId", "rep-a", "amount", "100"))
                .position();
        JsonNode repA = api.get("rep-a", "/api/targets?period=" + month + "&minPosition=" + repATarget).body();
        assertThat(repA.get("items").findValuesAsText("repId")).containsOnly("rep-a");
    }
}
