package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, the answer is a 4xx problem document and nothing is appended. */
class BadInputTest extends EmbeddedLedgerTest {

    private String customerId;
    private long position;

    @BeforeEach
    void customer() {
        registerRep("rep-a", 1000);
        Api.Response registered = api.post("rep-a", "/api/customers", newCustomer(null));
        customerId = registered.text("customerId");
        position = registered.position();
    }

    @Test
    void malformedJsonWrongEnumsAndOversizeTextAre400() {
        assertProblem(api.post("manager", "/api/customers", "{\"name\": "), 400, "malformed-body");
        Map<String, Object> wrongType = newCustomer(null);
        wrongType.put("type", "SPACESHIP");
        Api.Response enumProblem = api.post("manager", "/api/customers", wrongType);
        assertProblem(enumProblem, 400, "malformed-body");
        assertThat(enumProblem.text("detail")).contains("type").contains("FARM");

        Map<String, Object> oversize = newCustomer(null);
        oversize.put("name", "长".repeat(201));
        oversize.put("contacts", List.of(Map.of("name", "")));
        Api.Response invalid = api.post("manager", "/api/customers", oversize);
        assertProblem(invalid, 400, "invalid-input");
        assertThat(invalid.body().get("errors").findValuesAsText("field")).contains("name", "contacts[0].name");

        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "BECAUSE")), 400, "malformed-body");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", "last tuesday")), 400, "malformed-body");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer", Map.of("reason", "MANUAL")),
                400, "invalid-input");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/release", Map.of()), 400, "invalid-input");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/collaborators",
                Map.of("repId", "rep-b", "role", "OWNER")), 400, "malformed-body");
    }

    @Test
    void badQueryParametersAre400() {
        assertProblem(api.get("manager", "/api/customers?size=1000"), 400, "invalid-input");
        assertProblem(api.get("manager", "/api/customers?page=-1"), 400, "invalid-input");
        assertProblem(api.get("manager", "/api/customers?type=SPACESHIP"), 400, "invalid-parameter");
        assertProblem(api.get("manager", "/api/customers/" + customerId + "/ownership?asOf=yesterday"), 400,
                "invalid-parameter");
        assertProblem(api.get("manager", "/api/customers?minPosition=-5"), 400, "invalid-input");
    }

    @Test
    void transfersIntoTheFutureOrToUnknownRepsAreRefused() {
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", "2999-01-01T00:00:00Z")), 400,
                "effective-time-in-future");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "nobody", "reason", "MANUAL")), 404, "rep-not-found");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", "2000-01-01T00:00:00Z")), 409,
                "effective-time-before-last-change");
    }

    @Test
    void missingOrWrongCredentialsAre401AndNothingChanges() {
        Api.Response anonymous = api.post(null, "/api/customers", newCustomer(null));
        assertProblem(anonymous, 401, "not-authenticated");
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        assertProblem(api.send("nobody", "GET", "/api/customers", null), 401, "not-authenticated");
    }

    @Test
    void refusedRequestsAppendNothing() {
        malformedJsonWrongEnumsAndOversizeTextAre400();
        transfersIntoTheFutureOrToUnknownRepsAreRefused();
        Api.Response view = api.get("manager", "/api/customers/" + customerId + "/ownership?minPosition=" + position);
        assertThat(view.body().get("periods")).hasSize(1);
        // a harmless no-op write shows the head position did not move past our own registration's neighbourhood
        Api.Response noop = api.patch("rep-a", "/api/customers/" + customerId, Map.of());
        assertThat(noop.status()).isEqualTo(200);
        assertThat(noop.position()).isEqualTo(position);
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:customer-ledger:problem:" + type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("detail")).isNotBlank();
    }
}
