package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Visits and deals through HTTP: timeline, follow-ups in the portfolio, credit by the ownership history. */
class ActivityApiTest extends EmbeddedLedgerTest {

    private String customerId;
    private long position;

    @BeforeEach
    void ownedCustomer() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        Api.Response registered = api.post("rep-a", "/api/customers", newCustomer(null));
        customerId = registered.text("customerId");
        position = registered.position();
    }

    private static Map<String, Object> visit(Instant visitedAt, Instant followUp, String notes) {
        Map<String, Object> body = new HashMap<>(Map.of("visitedAt", visitedAt.toString(), "channel", "ON_SITE",
                "notes", notes, "outcome", "同意试用", "location", Map.of("lat", 36.88, "lon", 118.79)));
        if (followUp != null) {
            body.put("nextFollowUpAt", followUp.toString());
        }
        return body;
    }

    @Test
    void ownerRecordsVisitsThatShowInTheTimelineAndThe360View() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Api.Response first = api.post("rep-a", "/api/customers/" + customerId + "/visits",
                visit(now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(4)), "第一次上门，介绍了育肥猪饲料"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Map<String, Object> secondBody = visit(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10)), "送样品，客户很满意");
        secondBody.put("visitId", "v-" + System.nanoTime());
        Api.Response second = api.post("rep-a", "/api/customers/" + customerId + "/visits", secondBody);
        assertThat(second.status()).isEqualTo(201);
        List<String> stored = customerEventIds(customerId);
        Api.Response again = api.post("rep-a", "/api/customers/" + customerId + "/visits", secondBody);
        assertThat(again.status()).isEqualTo(201);
        assertThat(customerEventIds(customerId)).as("a repeated visit appends nothing").isEqualTo(stored);

        JsonNode timeline = api.get("rep-a", "/api/customers/" + customerId + "/visits?minPosition=" + second.position()).body();
        assertThat(timeline.get("total").asInt()).isEqualTo(2);
        assertThat(timeline.get("items").get(0).get("notes").asText()).isEqualTo("送样品，客户很满意");
        assertThat(timeline.get("items").get(1).get("channel").asText()).isEqualTo("ON_SITE");

        JsonNode view = api.get("rep-a", "/api/customers/" + customerId).body();
        assertThat(Instant.parse(view.get("lastVisitAt").asText())).isEqualTo(now.minus(Duration.ofHours(1)));
        assertThat(Instant.parse(view.get("nextFollowUpAt").asText())).isEqualTo(now.plus(Duration.ofDays(10)));

        String visits = "/api/customers/" + customerId + "/visits";
        assertRefused(403, customerState(customerId), () -> api.post("rep-b", visits, visit(now, null, "x")));
        assertRefused(403, customerState(customerId), () -> api.post("manager", visits, visit(now, null, "x")));
        assertThat(api.get("rep-b", visits).status()).isEqualTo(403);
        assertRefused(400, customerState(customerId), () -> api.post("rep-a", visits, visit(now, null, "长".repeat(4001))));
        assertRefused(400, customerState(customerId), () -> api.post("rep-a", visits,
                visit(now.plus(Duration.ofDays(1)), null, "未来")));
        assertThat(api.get("rep-a", visits).body().get("total").asInt()).isEqualTo(2);
    }

    @Test
    void overdueFollowUpsAreListedInThePortfolio() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Api.Response overdue = api.post("rep-a", "/api/customers/" + customerId + "/visits",
                visit(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)), "说好昨天回访"));
        Api.Response other = api.post("rep-a", "/api/customers", newCustomer(null));
        Api.Response later = api.post("rep-a", "/api/customers/" + other.text("customerId") + "/visits",
                visit(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(5)), "下周回访"));
        JsonNode due = api.get("rep-a", "/api/reps/rep-a/portfolio?due=overdue&size=200&minPosition=" + later.position())
                .body();
        List<String> ids = due.get("owned").get("items").findValuesAsText("customerId");
        assertThat(ids).contains(customerId).doesNotContain(other.text("customerId"));
        assertThat(overdue.status()).isEqualTo(201);
        assertThat(api.get("rep-a", "/api/reps/rep-a/portfolio?due=someday").status()).isEqualTo(400);
    }

    @Test
    void dealsAreCreditedByTheOwnershipHistoryAndSummedIn360() {
        Instant beforeTransfer = Instant.parse(api.get("auditor", "/api/customers/" + customerId + "/ownership?minPosition="
                + position).body().get("periods").get(0).get("from").asText());
        // the transfer takes effect after the registration, so a deal closed at the registration is rep-a's
        awaitClockPast(beforeTransfer);
        Api.Response moved = api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL"));
        assertThat(moved.status()).isEqualTo(200);

        Api.Response early = api.post("manager", "/api/customers/" + customerId + "/deals", Map.of("productLine", "feed",
                "amount", 12000.50, "margin", 1800, "closedAt", beforeTransfer.toString()));
        assertThat(early.status()).as(early.toString()).isEqualTo(201);
        assertThat(early.text("creditedRepId")).isEqualTo("rep-a");
        Api.Response late = api.post("rep-b", "/api/customers/" + customerId + "/deals", Map.of("dealId", "d-" + System.nanoTime(),
                "productLine", "premix", "amount", 3000, "margin", 450, "closedAt", Instant.now().toString()));
        assertThat(late.text("creditedRepId")).isEqualTo("rep-b");

        JsonNode view = api.get("rep-b", "/api/customers/" + customerId + "?minPosition=" + late.position()).body();
        JsonNode deals = view.get("dealsLast12Months");
        assertThat(deals.get("count").asInt()).isEqualTo(2);
        assertThat(deals.get("amount").decimalValue()).isEqualByComparingTo("15000.50");
        assertThat(deals.get("margin").decimalValue()).isEqualByComparingTo("2250");

        String dealsPath = "/api/customers/" + customerId + "/deals";
        assertRefused(403, customerState(customerId), () -> api.post("rep-a", dealsPath, Map.of("productLine", "feed",
                "amount", 1, "margin", 1, "closedAt", Instant.now().toString())));
        assertRefused(400, customerState(customerId), () -> api.post("manager", dealsPath, Map.of("productLine", "feed",
                "amount", 10, "margin", 20, "closedAt", Instant.now().toString())));
        assertRefused(400, customerState(customerId), () -> api.post("manager", dealsPath, Map.of("productLine", "feed",
                "amount", -5, "margin", 1, "closedAt", Instant.now().toString())));
        // nobody owned the customer before it was registered, so no rep can be credited with an earlier deal
        Api.Response tooEarly = assertRefused(409, customerState(customerId), () -> api.post("manager", dealsPath,
                Map.of("productLine", "feed", "amount", 100, "margin", 10, "closedAt", beforeTransfer.minusMillis(1).toString())));
        assertThat(tooEarly.text("code")).isEqualTo("DEAL_BEFORE_REGISTRATION");
        assertThat(tooEarly.text("registeredAt")).isEqualTo(beforeTransfer.toString());
    }
}
