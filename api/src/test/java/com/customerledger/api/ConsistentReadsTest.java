package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads answer alike: periods default to the last 30 days, a book is a page in every mode, an unknown parameter is refused. */
class ConsistentReadsTest extends EmbeddedLedgerTest {

    @Test
    void aPeriodLeftOutIsTheLastThirtyDaysAndAPlainDateIsItsStart() {
        Instant before = Instant.now();
        JsonNode funnel = api.get("manager", "/api/funnel").body();
        Instant to = Instant.parse(funnel.get("to").asText());
        assertThat(to).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(Instant.parse(funnel.get("from").asText()), to)).isEqualTo(Duration.ofDays(30));

        JsonNode fromOnly = api.get("manager", "/api/funnel?to=2026-11-01").body();
        // a plain date is its midnight in the ledger's zone (Asia/Shanghai, 8 hours ahead of UTC)
        assertThat(fromOnly.get("to").asText()).isEqualTo("2026-10-31T16:00:00Z");
        assertThat(fromOnly.get("from").asText()).isEqualTo("2026-10-01T16:00:00Z");

        assertThat(api.get("manager", "/api/analytics/leaderboard").status()).isEqualTo(200);
        assertThat(api.get("manager", "/api/analytics/leaderboard?from=2026-01-01&to=2026-02-01").status()).isEqualTo(200);
        Api.Response audit = api.get("auditor", "/api/audit/transfers?customerId=nobody");
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body().isArray()).isTrue();

        Api.Response backwards = api.get("manager", "/api/funnel?from=2026-11-02&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text("code")).isEqualTo("INVALID_INPUT");
    }

    @Test
    void aBookIsAPageNowAtAnInstantAndAsKnownThen() {
        String rep = "book-" + System.nanoTime();
        registerRep(rep, 100);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(rep));
        String customerId = registered.text("customerId");
        Instant knownBefore = Instant.now();
        awaitClockPast(knownBefore);
        long position = api.post("manager", "/api/customers", newCustomer(rep)).position();
        String book = "/api/reps/" + rep + "/portfolio?minPosition=" + position;

        JsonNode now = api.get("manager", book).body();
        assertThat(now.get("owned").get("total").asInt()).isEqualTo(2);
        JsonNode asOf = api.get("manager", book + "&asOf=" + Instant.now() + "&size=1").body();
        assertThat(asOf.get("owned").get("total").asInt()).isEqualTo(2);
        assertThat(asOf.get("owned").get("size").asInt()).isEqualTo(1);
        assertThat(asOf.get("owned").get("items")).hasSize(1);

        // knownAt alone: the book of now as the ledger knew it then, before the second registration
        Api.Response knownThen = api.get("manager", book + "&knownAt=" + knownBefore);
        assertThat(knownThen.status()).as(knownThen.toString()).isEqualTo(200);
        assertThat(knownThen.text("knownAt")).isEqualTo(knownBefore.toString());
        assertThat(Instant.parse(knownThen.text("asOf"))).isAfter(knownBefore);
        assertThat(knownThen.body().get("owned").get("items").findValuesAsText("customerId")).containsExactly(customerId);
    }

    @Test
    void anUnknownQueryParameterIsRefusedAndNamesTheOnesTheReadTakes() {
        Api.Response misspelt = api.get("manager", "/api/customers?grdae=A");
        assertThat(misspelt.status()).as(misspelt.toString()).isEqualTo(400);
        assertThat(misspelt.text("type")).isEqualTo("urn:customer-ledger:problem:unknown-parameter");
        assertThat(misspelt.text("code")).isEqualTo("UNKNOWN_PARAMETER");
        assertThat(misspelt.text("detail")).contains("grdae");
        assertThat(misspelt.body().get("allowedParameters").toString()).contains("grade", "page", "size", "minPosition");

        assertThat(api.get("manager", "/api/funnel?rep=rep-a").status()).isEqualTo(400);
        assertThat(api.get("manager", "/api/customers?grade=A&page=0&size=5").status()).isEqualTo(200);
        assertThat(api.post("manager", "/api/customers?dryRun=true", Map.of()).text("code")).isNotEqualTo("UNKNOWN_PARAMETER");
    }
}
