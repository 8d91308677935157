package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Who owned it then" and "what did we know then", for a backdated transfer, through HTTP. */
class BitemporalOwnershipTest extends EmbeddedLedgerTest {

    @Test
    void backdatedTransferIsAnsweredByEffectiveAndRecordedTime() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String id = registered.text("customerId");
        JsonNode registration = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition="
                + registered.position()).body().get("periods").get(0);
        // backdated to just after the registration took effect, and recorded after the instant the test asks about
        Instant effective = Instant.parse(registration.get("from").asText()).plusMillis(1);
        Instant registrationRecorded = Instant.parse(registration.get("recordedAt").asText());
        Instant beforeRecording = registrationRecorded.isAfter(effective) ? registrationRecorded : effective;
        awaitClockPast(beforeRecording);
        Api.Response transferred = api.post("manager", "/api/customers/" + id + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "MANUAL", "effectiveAt", effective.toString()));
        assertThat(transferred.status()).isEqualTo(200);
        String base = "/api/customers/" + id + "/ownership?minPosition=" + transferred.position();

        JsonNode before = api.get("auditor", base + "&asOf=" + effective.minusMillis(1)).body();
        assertThat(before.get("atAsOf").get("repId").asText()).isEqualTo("rep-a");

        JsonNode after = api.get("auditor", base + "&asOf=" + effective.plusMillis(1)).body();
        assertThat(after.get("atAsOf").get("repId").asText()).isEqualTo("rep-b");
        assertThat(after.get("atAsOf").get("from").asText()).isEqualTo(effective.toString());

        JsonNode knownBefore = api.get("auditor", base + "&asOf=" + effective.plusMillis(1) + "&knownAt=" + beforeRecording).body();
        assertThat(knownBefore.get("atAsOf").get("repId").asText()).isEqualTo("rep-a");
        assertThat(knownBefore.get("periods")).hasSize(1);

        JsonNode notYet = api.get("auditor", base + "&asOf=2000-01-01T00:00:00Z").body();
        assertThat(notYet.get("atAsOf").isNull()).isTrue();

        // the rep's book at an instant, with the same two times
        String bookA = "/api/reps/rep-a/portfolio?size=200&minPosition=" + transferred.position() + "&asOf=";
        assertThat(api.get("auditor", bookA + effective.minusMillis(1)).body().get("owned").findValuesAsText("customerId"))
                .contains(id);
        assertThat(api.get("auditor", bookA + effective.plusMillis(1)).body().get("owned").findValuesAsText("customerId"))
                .doesNotContain(id);
        assertThat(api.get("auditor", "/api/reps/rep-b/portfolio?size=200&minPosition=" + transferred.position() + "&asOf=" + effective.plusMillis(1)).body().get("owned")
                .findValuesAsText("customerId")).contains(id);
        assertThat(api.get("auditor", bookA + effective.plusMillis(1) + "&knownAt=" + beforeRecording).body().get("owned")
                .findValuesAsText("customerId")).contains(id);
        assertThat(api.get("rep-b", bookA + effective).status()).isEqualTo(403);

        JsonNode full = api.get("auditor", base).body();
        JsonNode transfer = full.get("periods").get(1);
        assertThat(Instant.parse(transfer.get("recordedAt").asText())).isAfter(beforeRecording);
        assertThat(transfer.get("authorizedBy").asText()).isEqualTo("manager");
    }
}
