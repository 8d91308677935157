package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mistaken transfer is voided by a reversal; the history keeps both, and answers as known before or after. */
class ReversalApiTest extends EmbeddedLedgerTest {

    @Test
    void aReversedTransferLeavesTheHistoryButNotTheOwnership() throws Exception {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Api.Response moved = api.post("manager", "/api/customers/" + id + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "MANUAL"));
        JsonNode before = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + moved.position()).body();
        String transferEvent = before.get("periods").get(1).get("eventId").asText();
        Thread.sleep(20);
        Instant beforeReversal = Instant.now();
        Thread.sleep(20);

        assertThat(api.post("rep-a", "/api/customers/" + id + "/ownership/reversals",
                Map.of("eventId", transferEvent, "reason", "x")).status()).isEqualTo(403);
        Api.Response reversed = api.post("manager", "/api/customers/" + id + "/ownership/reversals",
                Map.of("eventId", transferEvent, "reason", "选错了代表"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);

        JsonNode now = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + reversed.position()).body();
        assertThat(now.get("periods")).hasSize(1);
        assertThat(now.get("periods").get(0).get("repId").asText()).isEqualTo("rep-a");
        assertThat(now.get("periods").get(0).get("to").isNull()).isTrue();
        assertThat(now.get("reversals").get(0).get("voidedEventId").asText()).isEqualTo(transferEvent);
        assertThat(now.get("reversals").get(0).get("reason").asText()).isEqualTo("选错了代表");
        assertThat(now.get("reversals").get(0).get("authorizedBy").asText()).isEqualTo("manager");

        JsonNode known = api.get("auditor", "/api/customers/" + id + "/ownership?knownAt=" + beforeReversal).body();
        assertThat(known.get("periods").findValuesAsText("repId")).containsExactly("rep-a", "rep-b");
        assertThat(api.get("manager", "/api/customers/" + id).body().get("ownerRepId").asText()).isEqualTo("rep-a");
        assertThat(api.get("manager", "/api/reps/rep-b/portfolio?size=200").body().get("owned").get("items")
                .findValuesAsText("customerId")).doesNotContain(id);

        Api.Response again = api.post("manager", "/api/customers/" + id + "/ownership/reversals",
                Map.of("eventId", transferEvent, "reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("NOT_LATEST_CHANGE");
    }
}
