package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer endpoints of API.md end to end: registration, 撞单, claim, transfer, release, collaborators, reads. */
class CustomerApiTest extends EmbeddedLedgerTest {

    @BeforeEach
    void reps() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
    }

    @Test
    void customerMovesFromPoolToRepToRepAndBackWithFullHistory() {
        Map<String, Object> body = newCustomer(null);
        Api.Response registered = api.post("manager", "/api/customers", body);
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.raw().headers().firstValue("Location")).isPresent();
        assertThat(registered.body().get("ownerRepId").isNull()).isTrue();
        String id = registered.text("customerId");

        JsonNode inPool = api.get("rep-a", "/api/customers/" + id + "?minPosition=" + registered.position()).body();
        assertThat(inPool.get("inPool").asBoolean()).isTrue();

        Api.Response claimed = api.post("rep-a", "/api/customers/" + id + "/claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        Api.Response lost = assertRefused(409, customerState(id), () -> api.post("rep-b", "/api/customers/" + id + "/claim",
                null));
        assertThat(lost.text("currentOwnerRepId")).isEqualTo("rep-a");
        assertThat(lost.contentType()).startsWith("application/problem+json");

        assertThat(api.get("rep-b", "/api/customers/" + id + "?minPosition=" + claimed.position()).status()).isEqualTo(403);

        Api.Response stale = assertRefused(409, customerState(id), () -> api.post("manager", "/api/customers/" + id
                + "/transfer", Map.of("toRepId", "rep-b", "reason", "DISPUTE", "expectedOwnerRepId", "rep-b")));
        assertThat(stale.text("currentOwnerRepId")).isEqualTo("rep-a");

        Api.Response transferred = api.post("manager", "/api/customers/" + id + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "DISPUTE", "expectedOwnerRepId", "rep-a", "note", "客户要求"));
        assertThat(transferred.status()).isEqualTo(200);
        assertRefused(403, customerState(id), () -> api.post("rep-a", "/api/customers/" + id + "/release",
                Map.of("reason", "x")));

        Api.Response released = api.post("rep-b", "/api/customers/" + id + "/release", Map.of("reason", "客户停业"));
        assertThat(released.status()).isEqualTo(200);
        assertRefused(409, customerState(id), () -> api.post("manager", "/api/customers/" + id + "/release",
                Map.of("reason", "again")));
        assertRefused(403, customerState(id), () -> api.post("rep-b", "/api/customers/" + id + "/release",
                Map.of("reason", "again")));

        JsonNode history = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + released.position()).body();
        JsonNode periods = history.get("periods");
        assertThat(periods).hasSize(4);
        assertThat(periods.get(0).get("repId").isNull()).isTrue();
        assertThat(periods.get(0).get("reason").asText()).isEqualTo("REGISTERED");
        assertThat(periods.get(1).get("repId").asText()).isEqualTo("rep-a");
        assertThat(periods.get(1).get("reason").asText()).isEqualTo("CLAIM");
        assertThat(periods.get(2).get("repId").asText()).isEqualTo("rep-b");
        assertThat(periods.get(2).get("reason").asText()).isEqualTo("DISPUTE");
        assertThat(periods.get(2).get("authorizedBy").asText()).isEqualTo("manager");
        assertThat(periods.get(3).get("repId").isNull()).isTrue();
        assertThat(periods.get(3).get("to").isNull()).isTrue();

        JsonNode pool = api.get("manager", "/api/customers?inPool=true&q=" + encode(body.get("phone"))
                + "&minPosition=" + released.position()).body();
        assertThat(pool.get("items").findValuesAsText("customerId")).contains(id);
    }

    @Test
    void secondRegistrationOfTheSameCustomerIsRefusedAndNamesTheHolder() {
        Map<String, Object> body = newCustomer("rep-a");
        Api.Response first = api.post("manager", "/api/customers", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("ownerRepId")).isEqualTo("rep-a");

        Map<String, Object> sameCredit = newCustomer(null);
        sameCredit.put("creditCode", body.get("creditCode").toString().toLowerCase());
        Map<String, Object> samePhone = newCustomer(null);
        samePhone.put("phone", "+86 " + body.get("phone"));
        Map<String, Object> sameName = newCustomer(null);
        sameName.put("name", " " + body.get("name") + " 有限公司");
        String existing = first.text("customerId");
        for (Map<String, Object> duplicate : List.of(sameCredit, samePhone, sameName)) {
            String duplicateId = "dup-" + UUID.randomUUID();
            duplicate.put("customerId", duplicateId);
            Api.Response refused = assertRefused(409, customerState(existing), () -> api.post("rep-b", "/api/customers",
                    duplicate));
            assertThat(refused.text("existingCustomerId")).isEqualTo(existing);
            assertThat(refused.text("currentOwnerRepId")).isEqualTo("rep-a");
            assertThat(customerEventIds(duplicateId)).as("the refused registration stored nothing").isEmpty();
        }
        Map<String, Object> otherCounty = newCustomer(null);
        otherCounty.put("name", body.get("name"));
        otherCounty.put("region", Map.of("province", "山东省", "city", "潍坊市", "county", "青州市"));
        assertThat(api.post("rep-b", "/api/customers", otherCounty).status()).isEqualTo(201);
    }

    @Test
    void registeringWithAClientIdIsIdempotent() {
        Map<String, Object> body = newCustomer(null);
        body.put("customerId", "idem-" + System.nanoTime());
        Api.Response first = api.post("manager", "/api/customers", body);
        assertThat(first.status()).isEqualTo(201);
        String id = first.text("customerId");
        List<String> stored = customerEventIds(id);
        assertThat(stored).hasSize(1);
        Api.Response again = api.post("manager", "/api/customers", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(withoutPosition(again.body())).as("the same answer").isEqualTo(withoutPosition(first.body()));
        assertThat(customerEventIds(id)).as("nothing appended to the customer").isEqualTo(stored);

        body.put("address", "别的地址");
        Api.Response conflicting = assertRefused(409, customerState(id), () -> api.post("manager", "/api/customers", body));
        assertThat(conflicting.text("code")).isEqualTo("ID_ALREADY_USED");
    }

    @Test
    void repRegisteringALeadOwnsItAndCannotRegisterForOthers() {
        Api.Response lead = api.post("rep-a", "/api/customers", newCustomer(null));
        assertThat(lead.status()).isEqualTo(201);
        assertThat(lead.text("ownerRepId")).isEqualTo("rep-a");
        for (String user : List.of("rep-a", "auditor")) {
            Map<String, Object> body = newCustomer(user.equals("rep-a") ? "rep-b" : null);
            String refusedId = "refused-" + UUID.randomUUID();
            body.put("customerId", refusedId);
            assertRefused(403, customerState(refusedId), () -> api.post(user, "/api/customers", body));
            assertThat(api.get("manager", "/api/customers/" + refusedId).status()).isEqualTo(404);
        }
    }

    @Test
    void collaboratorsShareTheCustomerByRole() {
        Api.Response registered = api.post("rep-a", "/api/customers", newCustomer(null));
        String id = registered.text("customerId");
        Api.Response added = api.post("rep-a", "/api/customers/" + id + "/collaborators",
                Map.of("repId", "rep-b", "role", "VIEWER"));
        assertThat(added.status()).isEqualTo(200);
        assertRefused(403, customerState(id), () -> api.patch("rep-b", "/api/customers/" + id, Map.of("address", "寿光市")));
        assertThat(api.get("rep-b", "/api/customers/" + id + "?minPosition=" + added.position()).status()).isEqualTo(200);

        Api.Response editor = api.post("rep-a", "/api/customers/" + id + "/collaborators",
                Map.of("repId", "rep-b", "role", "EDITOR"));
        Api.Response patched = api.patch("rep-b", "/api/customers/" + id, Map.of("address", "寿光市文家街道", "crops", List.of("玉米")));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode view = api.get("rep-a", "/api/customers/" + id + "?minPosition=" + patched.position()).body();
        assertThat(view.get("address").asText()).isEqualTo("寿光市文家街道");
        assertThat(view.get("crops").get(0).asText()).isEqualTo("玉米");
        assertThat(view.get("collaborators").get(0).get("role").asText()).isEqualTo("EDITOR");

        JsonNode portfolio = api.get("rep-b", "/api/reps/rep-b/portfolio?minPosition=" + editor.position()).body();
        assertThat(portfolio.get("collaborating").get("items").findValuesAsText("customerId")).contains(id);
        assertThat(portfolio.get("owned").get("items").findValuesAsText("customerId")).doesNotContain(id);

        Api.Response removed = api.delete("rep-a", "/api/customers/" + id + "/collaborators/rep-b");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(api.get("rep-b", "/api/customers/" + id + "?minPosition=" + removed.position()).status()).isEqualTo(403);
        assertRefused(409, customerState(id), () -> api.post("rep-a", "/api/customers/" + id + "/collaborators",
                Map.of("repId", "rep-a", "role", "EDITOR")));
    }

    @Test
    void repsSeeOnlyTheirOwnPortfolioAndCustomers() {
        Api.Response mine = api.post("rep-a", "/api/customers", newCustomer(null));
        String id = mine.text("customerId");
        JsonNode portfolio = api.get("rep-a", "/api/reps/rep-a/portfolio?type=FARM&region=山东省/潍坊市&minPosition="
                + mine.position()).body();
        assertThat(portfolio.get("owned").get("items").findValuesAsText("customerId")).contains(id);
        assertThat(api.get("rep-b", "/api/reps/rep-a/portfolio").status()).isEqualTo(403);
        assertThat(api.get("manager", "/api/reps/rep-a/portfolio").status()).isEqualTo(200);

        JsonNode seenByB = api.get("rep-b", "/api/customers?size=200&ownerRepId=rep-a").body();
        assertThat(seenByB.get("items").findValuesAsText("customerId")).doesNotContain(id);
        JsonNode seenByManager = api.get("manager", "/api/customers?ownerRepId=rep-a&size=200").body();
        assertThat(seenByManager.get("items").findValuesAsText("customerId")).contains(id);
    }

    @Test
    void searchFindsCustomersByNameIgnoringWidthAndSpaces() {
        Map<String, Object> body = newCustomer(null);
        Api.Response registered = api.post("manager", "/api/customers", body);
        String name = body.get("name").toString();
        String query = encode(" " + name.substring(5));
        JsonNode found = api.get("manager", "/api/customers?q=" + query + "&minPosition=" + registered.position()).body();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("customerId").asText()).isEqualTo(registered.text("customerId"));
    }

    @Test
    void unknownCustomersAnswer404() {
        assertThat(api.get("manager", "/api/customers/no-such-customer").status()).isEqualTo(404);
        Api.Response claim = api.post("rep-a", "/api/customers/no-such-customer/claim", null);
        assertThat(claim.status()).isEqualTo(404);
        assertThat(claim.contentType()).startsWith("application/problem+json");
        assertThat(api.get("auditor", "/api/customers/no-such-customer/ownership").status()).isEqualTo(404);
    }

    /** A write's answer without the ledger's head position, which other writes move. */
    private static JsonNode withoutPosition(JsonNode answer) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = answer.deepCopy();
        copy.remove("position");
        return copy;
    }

    private static String encode(Object value) {
        return java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
