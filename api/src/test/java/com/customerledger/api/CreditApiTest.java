package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit limits change only through a request that finance decides, never by the one who asked. */
class CreditApiTest extends EmbeddedLedgerTest {

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private String customer;
    private long registered;

    @BeforeEach
    void ownedCustomer() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        Api.Response response = api.post("manager", "/api/customers", newCustomer("rep-a"));
        customer = response.text("customerId");
        registered = response.position();
    }

    private Api.Response ask(String user, String requestId, String limit) {
        return api.post(user, "/api/customers/" + customer + "/credit/requests", Map.of("requestId", requestId,
                "limit", limit, "paymentTermDays", 60, "reason", "春季备货"));
    }

    @Test
    void anApprovedRequestSetsTheLimitAndTheAccountShowsWhoAskedAndWhoDecided() {
        JsonNode before = api.get("rep-a", "/api/customers/" + customer + "/credit?minPosition=" + registered).body();
        assertThat(before.get("limit").decimalValue()).isEqualByComparingTo("0");
        assertThat(before.get("history")).isEmpty();

        String first = "cr1-" + unique;
        Api.Response asked = ask("rep-a", first, "200000.00");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(ask("rep-a", first, "200000.00").status()).as("the same request again").isEqualTo(201);
        assertThat(storedEventIds("credit-request:" + first)).hasSize(1);
        JsonNode pending = api.get("finance", "/api/credit/requests?status=PENDING&customerId=" + customer + "&minPosition="
                + asked.position()).body();
        assertThat(pending.get("items").findValuesAsText("requestId")).containsExactly(first);
        assertThat(api.get("finance", "/api/customers/" + customer + "/credit").body().get("limit").decimalValue())
                .as("nothing changes until finance decides").isEqualByComparingTo("0");

        Api.Response approved = api.post("finance", "/api/credit/requests/" + first + "/decision",
                Map.of("decision", "APPROVE", "note", "回款记录良好"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode account = api.get("rep-a", "/api/customers/" + customer + "/credit?minPosition=" + approved.position()).body();
        assertThat(account.get("limit").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(account.get("available").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(account.get("paymentTermDays").asInt()).isEqualTo(60);
        assertThat(account.get("limitRequestId").asText()).isEqualTo(first);
        JsonNode decided = account.get("history").get(0);
        assertThat(decided.get("requestedBy").asText()).isEqualTo("rep-a");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("finance");
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("note").asText()).isEqualTo("回款记录良好");

        // a later, rejected request leaves the approved limit in force
        String second = "cr2-" + unique;
        ask("manager", second, "900000.00");
        Api.Response rejected = api.post("finance", "/api/credit/requests/" + second + "/decision", Map.of("decision", "REJECT",
                "note", "逾期风险"));
        JsonNode after = api.get("finance", "/api/customers/" + customer + "/credit?minPosition=" + rejected.position()).body();
        assertThat(after.get("limit").decimalValue()).isEqualByComparingTo("200000.00");
        assertThat(after.get("history").findValuesAsText("status")).containsExactly("REJECTED", "APPROVED");
        assertThat(api.get("auditor", "/api/credit/requests/" + second).body().get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void nobodyDecidesTheirOwnRequestAndARequestIsDecidedOnce() {
        String request = "cr3-" + unique;
        assertThat(ask("admin", request, "50000").status()).isEqualTo(201);
        String stream = "credit-request:" + request;
        Api.Response own = assertRefused(403, streamOf(stream), () -> api.post("admin", "/api/credit/requests/" + request
                + "/decision", Map.of("decision", "APPROVE")));
        assertThat(own.text("detail")).contains("never decided by the one who asked");
        assertRefused(403, streamOf(stream), () -> api.post("manager", "/api/credit/requests/" + request + "/decision",
                Map.of("decision", "APPROVE")));
        assertThat(api.post("finance", "/api/credit/requests/" + request + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(200);
        Api.Response again = assertRefused(409, streamOf(stream), () -> api.post("finance", "/api/credit/requests/" + request
                + "/decision", Map.of("decision", "REJECT")));
        assertThat(again.text("code")).isEqualTo("ALREADY_DECIDED");
        assertThat(api.post("finance", "/api/credit/requests/no-such-" + unique + "/decision", Map.of("decision", "APPROVE"))
                .status()).isEqualTo(404);
    }

    @Test
    void onlyTheOwnerOrAManagerAsksAndBadRequestsChangeNothing() {
        String request = "cr4-" + unique;
        String stream = "credit-request:" + request;
        assertRefused(403, streamOf(stream), () -> ask("rep-b", request, "1000"));
        assertRefused(403, streamOf(stream), () -> ask("finance", request, "1000"));
        assertRefused(400, streamOf(stream), () -> ask("rep-a", request, "-1"));
        assertRefused(400, streamOf(stream), () -> api.post("rep-a", "/api/customers/" + customer + "/credit/requests",
                Map.of("requestId", request, "limit", "1000", "paymentTermDays", 400, "reason", "x")));
        assertRefused(404, streamOf(stream), () -> api.post("manager", "/api/customers/no-such-" + unique
                + "/credit/requests", Map.of("requestId", request, "limit", "1000", "paymentTermDays", 30, "reason", "x")));
        assertThat(api.get("rep-b", "/api/customers/" + customer + "/credit?minPosition=" + registered).status()).isEqualTo(403);
        assertThat(api.get("rep-a", "/api/credit/requests").status()).isEqualTo(403);
        assertThat(api.get("finance", "/api/credit/requests?status=MAYBE").status()).isEqualTo(400);
    }
}
