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
        Api.Response bare = api.post("manager", "/api/customers/" + customerId + "/release", null);
        assertProblem(bare, 400, "malformed-body");
        assertThat(bare.text("detail")).contains("needs a JSON body and none was sent");
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
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", "2199-01-01T00:00:00Z")), 400,
                "effective-time-in-future");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "nobody", "reason", "MANUAL")), 404, "rep-not-found");
        assertProblem(api.post("manager", "/api/customers/" + customerId + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", "2000-01-01T00:00:00Z")), 409,
                "effective-time-before-last-change");
    }

    @Test
    void missingOrWrongCredentialsAre401AndNothingChanges() {
        Map<String, Object> body = newCustomer(null);
        String anonymousId = "anonymous-" + System.nanoTime();
        body.put("customerId", anonymousId);
        Api.Response anonymous = assertRefused(401, customerState(anonymousId), () -> api.post(null, "/api/customers", body));
        assertProblem(anonymous, 401, "not-authenticated");
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(customerEventIds(anonymousId)).isEmpty();
        assertProblem(assertRefused(401, customerState(customerId), () -> api.send("nobody", "PATCH",
                "/api/customers/" + customerId, Map.of("address", "冒名修改"))), 401, "not-authenticated");
        assertProblem(api.send("nobody", "GET", "/api/customers", null), 401, "not-authenticated");
    }

    @Test
    void refusedRequestsAppendNothing() {
        java.util.function.Supplier<Object> customer = customerState(customerId);
        Object before = customer.get();
        malformedJsonWrongEnumsAndOversizeTextAre400();
        transfersIntoTheFutureOrToUnknownRepsAreRefused();
        assertThat(customer.get()).as("the customer's events and 360 view after every refusal").isEqualTo(before);
        assertThat(customerEventIds(customerId)).hasSize(1);
        Api.Response view = api.get("manager", "/api/customers/" + customerId + "/ownership?minPosition=" + position);
        assertThat(view.body().get("periods")).hasSize(1);
    }

    /** What a black-box probe found: each of these was a 500, a poisoned projection, an HTML page or a leak. */
    @Test
    void hostileValuesAreProblemsAndAppendNothing() throws Exception {
        long events = eventsOf(customerId);
        String visits = "/api/customers/" + customerId + "/visits";
        Api.Response farFuture = api.post("rep-a", visits, Map.of("visitedAt", "2026-11-01T08:00:00Z", "channel", "PHONE",
                "notes", "n", "nextFollowUpAt", "+999999999-12-31T23:59:59Z"));
        assertProblem(farFuture, 400, "malformed-body");
        assertThat(farFuture.text("detail")).contains("nextFollowUpAt").contains("1900");
        assertProblem(api.post("rep-a", "/api/customers/" + customerId + "/deals", Map.of("productLine", "feed",
                "amount", 10, "margin", 1, "closedAt", "-999999999-01-01T00:00:00Z")), 400, "malformed-body");
        assertProblem(api.post("rep-a", visits, Map.of("visitedAt", 1767225600, "channel", "PHONE", "notes", "n")), 400,
                "malformed-body");
        for (String wildcard : List.of("*/*", "application/*", "text/plain", "no-slash")) {
            Api.Response typed = Raw.send(api, "rep-a", "POST", visits, wildcard,
                    "{\"visitedAt\":\"2026-11-01T08:00:00Z\",\"channel\":\"PHONE\",\"notes\":\"n\"}");
            assertProblem(typed, 415, "unsupported-media-type");
            assertThat(typed.text("code")).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(eventsOf(customerId)).as("nothing appended for the customer").isEqualTo(events);

        for (String path : List.of("/api/customers?q=%00", "/api/pool?q=%00", "/api/customers?q=a%01b")) {
            assertProblem(api.get("manager", path), 400, "invalid-input");
        }
        for (String period : List.of("from=2026-01-01T00:00:00Z&to=%2B292278995-01-01T00:00:00Z",
                "from=-999999999-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from=2026-01-01&to=2026-02-30")) {
            assertProblem(api.get("manager", "/api/funnel?" + period), 400, "invalid-parameter");
            assertProblem(api.get("manager", "/api/analytics/leaderboard?" + period), 400, "invalid-parameter");
        }
        assertProblem(api.get("auditor", "/api/audit/transfers?from=-10000-01-01T00:00:00Z&to=%2B10000-01-01T00:00:00Z"), 400,
                "invalid-parameter");
        assertThat(api.get("auditor", "/api/audit/transfers?from=2000-01-01&to=2100-01-01&customerId=" + customerId).body())
                .as("plain dates are a day's start").hasSize(1);
        assertProblem(api.get("manager", "/api/customers?page=10737419&size=200"), 400, "invalid-input");

        for (String id : List.of("%00", "%FF", "%2F", "%5C", "%C0%AF", "..", "%2E%2E", "a;b", "%25", "绿源")) {
            Api.Response odd = Raw.send(api, "manager", "GET", "/api/customers/" + id, null, null);
            assertThat(odd.status()).as(id + " → " + odd).isBetween(400, 499);
            assertThat(odd.contentType()).as(id + " → " + odd).startsWith("application/problem+json");
            assertThat(odd.text("type")).as(id + " → " + odd).startsWith("urn:customer-ledger:problem:");
            assertThat(odd.text("code")).as(id + " → " + odd).isNotBlank();
        }
    }

    /** Each of these was found by {@link HostileInputPropertyTest}: a 500, an empty 4xx, or a 406 after the write was stored. */
    @Test
    void aWriteWhoseAnswerTheClientWouldNotAcceptIsRefusedBeforeItIsStored() {
        long events = eventsOf(customerId);
        for (String accept : List.of("text/csv", "text/html", "*/json", "a/b/c", "application/json; charset=nonsense")) {
            Api.Response refused = Raw.send(port, "POST", "/api/customers/" + customerId + "/visits", "rep-a",
                    List.of("Content-Type: application/json", "Accept: " + accept), utf8(VISIT));
            assertProblem(refused, 406, "not-acceptable");
        }
        assertThat(eventsOf(customerId)).as("nothing appended for the customer").isEqualTo(events);
    }

    @Test
    void aProblemIsAProblemDocumentWhateverTheAcceptHeaderSays() {
        for (String notAMediaType : List.of("a/b/c", "*/json", "garbage", "application/json; charset=nonsense")) {
            assertProblem(Raw.send(port, "GET", "/api/customers?size=1000", "manager", List.of("Accept: " + notAMediaType),
                    null), 400, "invalid-input");
            assertProblem(Raw.send(port, "GET", "/api/customers/nobody", "manager", List.of("Accept: " + notAMediaType),
                    null), 404, "not-found");
        }
    }

    @Test
    void aMemberGivenTwiceOrAMultipartBodyIsRefusedAndAppendsNothing() {
        long events = eventsOf(customerId);
        Api.Response twice = api.post("rep-a", "/api/customers/" + customerId + "/visits",
                VISIT.substring(0, VISIT.length() - 1) + ",\"notes\":\"again\"}");
        assertProblem(twice, 400, "malformed-body");
        for (String multipart : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
            assertProblem(Raw.send(port, "POST", "/api/customers/" + customerId + "/visits", "rep-a",
                    List.of("Content-Type: " + multipart), utf8(VISIT)), 415, "unsupported-media-type");
        }
        assertThat(eventsOf(customerId)).as("nothing appended for the customer").isEqualTo(events);
    }

    @Test
    void anUnknownMethodOrAControlCharacterInAParameterNameIs400() {
        for (String method : List.of("PROPFIND", "FOO", "get", "TRACE")) {
            assertProblem(Raw.send(port, method, "/api/customers/" + customerId, "manager", List.of(), null), 400,
                    "invalid-request");
        }
        assertProblem(Raw.send(port, "GET", "/api/policies/grading?minPosition%00=1", "manager", List.of(), null), 400,
                "invalid-request");
    }

    private static final String VISIT = "{\"visitedAt\":\"2026-11-01T08:00:00Z\",\"channel\":\"PHONE\",\"notes\":\"n\"}";

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
        long events = eventsOf(customerId);
        String notes = "记".repeat(400_000);
        String body = "{\"visitedAt\":\"2026-11-01T08:00:00Z\",\"channel\":\"PHONE\",\"notes\":\"" + notes + "\"}";
        assertProblem(api.post("rep-a", "/api/customers/" + customerId + "/visits", body), 413, "body-too-large");
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/customers/"
                                + customerId + "/visits"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                "rep-a:rep-a-pass".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("urn:customer-ledger:problem:body-too-large");
        assertThat(eventsOf(customerId)).isEqualTo(events);
    }

    @Test
    void aRefusalDoesNotTellWhoOwnsTheCustomer() {
        registerRep("rep-b", 1000);
        for (Api.Response refused : List.of(api.patch("rep-b", "/api/customers/" + customerId, Map.of("phone", "13900000000")),
                api.post("rep-b", "/api/customers/" + customerId + "/visits",
                        Map.of("visitedAt", "2026-11-01T08:00:00Z", "channel", "PHONE", "notes", "n")))) {
            assertProblem(refused, 403, "not-allowed");
            assertThat(refused.body().has("currentOwnerRepId")).as(refused.toString()).isFalse();
            assertThat(refused.raw().body()).doesNotContain("rep-a");
        }
    }

    private long eventsOf(String customer) {
        return api.get("auditor", "/api/audit/events?customerId=" + customer).body().size();
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:customer-ledger:problem:" + type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.text("code")).isEqualTo(type.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
