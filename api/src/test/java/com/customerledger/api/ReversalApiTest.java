package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A mistaken transfer is voided by a reversal; the history keeps both, and answers as known before or after. */
class ReversalApiTest extends EmbeddedLedgerTest {

    @Test
    void aReversedTransferLeavesTheHistoryButNotTheOwnership() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        Api.Response moved = api.post("manager", "/api/customers/" + id + "/transfer", Map.of("toRepId", "rep-b",
                "reason", "MANUAL"));
        JsonNode before = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + moved.position()).body();
        String transferEvent = before.get("periods").get(1).get("eventId").asText();
        // as the ledger knew it when the transfer was recorded; the reversal is recorded after that
        Instant beforeReversal = Instant.parse(before.get("periods").get(1).get("recordedAt").asText());
        awaitClockPast(beforeReversal);

        assertRefused(403, customerState(id), () -> api.post("rep-a", "/api/customers/" + id + "/ownership/reversals",
                Map.of("eventId", transferEvent, "reason", "x")));
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
        assertThat(api.get("manager", "/api/customers/" + id + "?minPosition=" + reversed.position()).body().get("ownerRepId")
                .asText()).isEqualTo("rep-a");
        assertThat(api.get("manager", "/api/reps/rep-b/portfolio?size=200&minPosition=" + reversed.position()).body().get("owned").get("items")
                .findValuesAsText("customerId")).doesNotContain(id);

        Api.Response again = assertRefused(409, customerState(id), () -> api.post("manager", "/api/customers/" + id
                + "/ownership/reversals", Map.of("eventId", transferEvent, "reason", "again")));
        assertThat(again.text("code")).isEqualTo("CHANGE_NOT_REVERSIBLE");
        assertThat(again.text("reversedByEventId")).isEqualTo(now.get("reversals").get(0).get("reversalEventId").asText());
    }

    /** A reversal back to a rep who was an EDITOR meanwhile ends the role: after a later move away they cannot edit. */
    @Test
    void aRepGivenBackTheCustomerByAReversalIsNoLongerItsCollaborator() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        String path = "/api/customers/" + id;
        Api.Response moved = api.post("manager", path + "/transfer", Map.of("toRepId", "rep-b", "reason", "MANUAL"));
        String transferEvent = api.get("auditor", path + "/ownership?minPosition=" + moved.position()).body()
                .get("periods").get(1).get("eventId").asText();
        assertThat(api.post("rep-b", path + "/collaborators", Map.of("repId", "rep-a", "role", "EDITOR")).status())
                .isEqualTo(200);
        Api.Response reversed = api.post("manager", path + "/ownership/reversals",
                Map.of("eventId", transferEvent, "reason", "选错了代表"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);
        JsonNode view = api.get("manager", path + "?minPosition=" + reversed.position()).body();
        assertThat(view.get("ownerRepId").asText()).isEqualTo("rep-a");
        assertThat(view.get("collaborators")).isEmpty();

        Api.Response away = api.post("manager", path + "/transfer", Map.of("toRepId", "rep-b", "reason", "REBALANCE",
                "expectedOwnerRepId", "rep-a"));
        assertThat(away.status()).as(away.toString()).isEqualTo(200);
        assertRefused(403, customerState(id), () -> api.patch("rep-a", path, Map.of("address", "不该能改")));
        assertThat(api.get("rep-a", "/api/reps/rep-a/portfolio?size=200&minPosition=" + away.position()).body()
                .get("collaborating").get("items").findValuesAsText("customerId")).doesNotContain(id);
    }

    /**
     * rep-a owns it from registration, a mistaken transfer gives it to rep-b, rep-b later hands it to
     * reversal-rep. Voiding the mistake leaves reversal-rep as the owner and corrects only the history:
     * rep-a owned it until reversal-rep got it. Voiding that later change afterwards gives it back to
     * rep-a, not to rep-b.
     */
    @Test
    void anEarlierChangeIsReversedInTheHistoryWhileTheOwnerStays() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        registerRep("reversal-rep", 1000);
        Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
        String id = registered.text("customerId");
        String path = "/api/customers/" + id;
        Api.Response mistaken = api.post("manager", path + "/transfer", Map.of("toRepId", "rep-b", "reason", "MANUAL"));
        // the next change takes effect strictly later, so the mistaken period is not empty
        awaitClockPast(Instant.parse(api.get("auditor", path + "/ownership?minPosition=" + mistaken.position()).body()
                .get("periods").get(1).get("from").asText()));
        Api.Response handedOn = api.post("manager", path + "/transfer", Map.of("toRepId", "reversal-rep", "reason", "REBALANCE"));
        JsonNode before = api.get("auditor", path + "/ownership?minPosition=" + handedOn.position()).body();
        assertThat(before.get("periods").findValuesAsText("repId")).containsExactly("rep-a", "rep-b", "reversal-rep");
        String registration = before.get("periods").get(0).get("eventId").asText();
        String mistake = before.get("periods").get(1).get("eventId").asText();
        Instant duringMistake = Instant.parse(before.get("periods").get(1).get("from").asText());
        Instant thirdSince = Instant.parse(before.get("periods").get(2).get("from").asText());
        // a deal closed while the mistaken change stood is credited to rep-b, for now
        Api.Response deal = api.post("manager", path + "/deals", Map.of("dealId", "d-" + id, "productLine", "feed",
                "amount", "8800.00", "margin", "900.00", "closedAt", duringMistake.toString()));
        assertThat(deal.text("creditedRepId")).isEqualTo("rep-b");
        Instant searchFrom = Instant.now();

        Api.Response reversed = api.post("manager", path + "/ownership/reversals",
                Map.of("eventId", mistake, "reason", "本应留给 rep-a"));
        assertThat(reversed.status()).as(reversed.toString()).isEqualTo(200);

        JsonNode after = api.get("auditor", path + "/ownership?asOf=" + duringMistake + "&minPosition="
                + reversed.position()).body();
        assertThat(after.get("periods").findValuesAsText("repId")).containsExactly("rep-a", "reversal-rep");
        assertThat(after.get("periods").get(0).get("to").asText()).isEqualTo(thirdSince.toString());
        assertThat(after.get("atAsOf").get("repId").asText()).isEqualTo("rep-a");
        assertThat(after.get("reversals").get(0).get("voidedEventId").asText()).isEqualTo(mistake);
        JsonNode credited = api.get("manager", "/api/analytics/leaderboard?from=" + duringMistake + "&to="
                + duringMistake.plusMillis(1) + "&minPosition=" + reversed.position()).body().get("rows");
        assertThat(credited.findValuesAsText("repId")).as("the deal's credit follows the corrected history")
                .contains("rep-a").doesNotContain("rep-b");
        JsonNode customer = api.get("manager", path + "?minPosition=" + reversed.position()).body();
        assertThat(customer.get("ownerRepId").asText()).isEqualTo("reversal-rep");
        assertThat(customer.get("ownerSince").asText()).isEqualTo(thirdSince.toString());
        assertThat(api.get("auditor", "/api/reps/rep-b/portfolio?size=200&asOf=" + duringMistake + "&minPosition=" + reversed.position()).body().get("owned")
                .findValuesAsText("customerId")).doesNotContain(id);
        assertThat(api.get("auditor", "/api/reps/rep-a/portfolio?size=200&asOf=" + duringMistake + "&minPosition=" + reversed.position()).body().get("owned")
                .findValuesAsText("customerId")).contains(id);

        JsonNode trail = api.get("auditor", "/api/audit/transfers?from=" + searchFrom + "&to="
                + Instant.now().plusSeconds(1) + "&customerId=" + id).body();
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("reason").asText()).isEqualTo("REVERSAL of " + mistake);
        assertThat(trail.get(0).get("fromRepId").asText()).isEqualTo("rep-b");
        assertThat(trail.get(0).get("toRepId").asText()).isEqualTo("rep-a");
        assertThat(trail.get(0).get("authorizedBy").asText()).isEqualTo("manager");

        String reversal = after.get("reversals").get(0).get("reversalEventId").asText();
        for (String notReversible : new String[] {registration, mistake, reversal}) {
            Api.Response refused = assertRefused(409, customerState(id), () -> api.post("manager",
                    path + "/ownership/reversals", Map.of("eventId", notReversible, "reason", "再来")));
            assertThat(refused.text("code")).isEqualTo("CHANGE_NOT_REVERSIBLE");
        }

        Api.Response latestVoided = api.post("manager", path + "/ownership/reversals",
                Map.of("eventId", before.get("periods").get(2).get("eventId").asText(), "reason", "也错了"));
        assertThat(latestVoided.status()).as(latestVoided.toString()).isEqualTo(200);
        JsonNode back = api.get("manager", path + "?minPosition=" + latestVoided.position()).body();
        assertThat(back.get("ownerRepId").asText()).isEqualTo("rep-a");
        assertThat(api.get("auditor", path + "/ownership?minPosition=" + latestVoided.position()).body().get("periods").findValuesAsText("repId"))
                .containsExactly("rep-a");
    }
}
