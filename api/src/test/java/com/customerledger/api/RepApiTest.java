package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rep endpoints of API.md end to end, with their role rules. */
class RepApiTest extends EmbeddedLedgerTest {

    @Test
    void adminRegistersRepAndManagerChangesTerritoryAndStatus() {
        String repId = "rep-t" + System.nanoTime();
        Api.Response created = api.post("admin", "/api/reps", Map.of("repId", repId, "name", "赵六",
                "regions", List.of(Map.of("province", "河南省", "city", "周口市")), "productLines", List.of("fertilizer"),
                "customerTypes", List.of("SMALLHOLDER"), "capacity", 80));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/reps/" + repId);

        JsonNode rep = api.get("rep-a", "/api/reps/" + repId + "?minPosition=" + created.position()).body();
        assertThat(rep.get("name").asText()).isEqualTo("赵六");
        assertThat(rep.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(rep.get("load").asInt()).isZero();
        assertThat(rep.get("regions").get(0).get("city").asText()).isEqualTo("周口市");

        Api.Response territory = api.put("manager", "/api/reps/" + repId + "/territory", Map.of(
                "regions", List.of(Map.of("province", "河南省")), "productLines", List.of("fertilizer", "seed"),
                "customerTypes", List.of("SMALLHOLDER", "COOPERATIVE"), "capacity", 120));
        assertThat(territory.status()).isEqualTo(200);
        Api.Response leave = api.put("manager", "/api/reps/" + repId + "/status", Map.of("status", "ON_LEAVE", "reason", "休假"));
        assertThat(leave.status()).isEqualTo(200);

        JsonNode changed = api.get("manager", "/api/reps/" + repId + "?minPosition=" + leave.position()).body();
        assertThat(changed.get("capacity").asInt()).isEqualTo(120);
        assertThat(changed.get("productLines")).hasSize(2);
        assertThat(changed.get("status").asText()).isEqualTo("ON_LEAVE");

        JsonNode list = api.get("auditor", "/api/reps?size=200&minPosition=" + leave.position()).body();
        assertThat(list.get("items").findValuesAsText("repId")).contains(repId);
        assertThat(list.get("items").size()).as("a page holds all reps up to its size")
                .isEqualTo((int) Math.min(list.get("total").asLong(), 200));
    }

    @Test
    void repLoadCountsOwnedCustomers() {
        String repId = "rep-l" + System.nanoTime();
        registerRep(repId, 10);
        Api.Response owned = api.post("manager", "/api/customers", newCustomer(repId));
        assertThat(owned.status()).isEqualTo(201);
        JsonNode rep = api.get("manager", "/api/reps/" + repId + "?minPosition=" + owned.position()).body();
        assertThat(rep.get("load").asInt()).isEqualTo(1);
    }

    @Test
    void onlyAdminsRegisterAndOnlyManagersChangeReps() {
        registerRep("rep-a", 1000);
        String refused = "rep-x" + System.nanoTime();
        Map<String, Object> body = Map.of("repId", refused, "name", "x", "regions", List.of(), "capacity", 1);
        assertRefused(403, repState(refused), () -> api.post("manager", "/api/reps", body));
        assertRefused(403, repState(refused), () -> api.post("rep-a", "/api/reps", body));
        assertThat(api.get("manager", "/api/reps/" + refused).status()).isEqualTo(404);
        Api.Response auditor = assertRefused(403, repState("rep-a"), () -> api.put("auditor", "/api/reps/rep-a/status",
                Map.of("status", "ON_LEAVE")));
        assertThat(auditor.contentType()).startsWith("application/problem+json");
        assertRefused(403, repState("rep-a"), () -> api.put("rep-a", "/api/reps/rep-a/territory", Map.of("regions",
                List.of(), "productLines", List.of(), "customerTypes", List.of(), "capacity", 1)));
    }

    @Test
    void departureIsNotAStatusChangeAndUnknownRepsAre404() {
        registerRep("rep-a", 1000);
        Api.Response depart = assertRefused(409, repState("rep-a"), () -> api.put("manager", "/api/reps/rep-a/status",
                Map.of("status", "DEPARTED")));
        assertThat(depart.text("code")).isEqualTo("INVALID_STATUS_CHANGE");
        assertThat(api.get("manager", "/api/reps/nobody").status()).isEqualTo(404);
        assertThat(api.put("manager", "/api/reps/nobody/status", Map.of("status", "ON_LEAVE")).status()).isEqualTo(404);
    }

    @Test
    void invalidRepsAreRefusedWithFieldErrors() {
        Api.Response invalid = api.post("admin", "/api/reps", Map.of("repId", "bad id!", "name", "", "capacity", -1,
                "regions", List.of(Map.of("city", "潍坊市"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").findValuesAsText("field"))
                .contains("repId", "name", "capacity", "regions[0].province");
    }

    @Test
    void aRepIdMayEqualACustomerId() {
        String shared = "1001-" + System.nanoTime();
        Map<String, Object> customer = newCustomer(null);
        customer.put("customerId", shared);
        assertThat(api.post("manager", "/api/customers", customer).status()).isEqualTo(201);
        assertThat(api.put("manager", "/api/reps/" + shared + "/status", Map.of("status", "ON_LEAVE")).status())
                .isEqualTo(404);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", shared, "name", "同号代表",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 5)).status()).isEqualTo(201);
        Api.Response transfer = api.post("manager", "/api/customers/" + shared + "/transfer",
                Map.of("toRepId", shared, "reason", "MANUAL"));
        assertThat(transfer.status()).isEqualTo(200);
        assertThat(api.get("manager", "/api/customers/" + shared + "?minPosition=" + transfer.position())
                .body().get("ownerRepId").asText()).isEqualTo(shared);
    }
}
