package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service deadlines end to end, with a seconds-long policy and a clock the test moves: a missed deadline escalates
 * once (the ticket shows it, the managers' inbox lists it), one met in time escalates nothing.
 */
class TicketSlaTest extends MovableClockLedgerTest {

    static final Map<String, Object> SECONDS_POLICY = Map.of(
            "firstResponse", Map.of("URGENT", "PT2S", "HIGH", "PT2S", "NORMAL", "PT2S", "LOW", "PT2S"),
            "resolution", Map.of("URGENT", "PT10S", "HIGH", "PT10S", "NORMAL", "PT10S", "LOW", "PT10S"));

    @Autowired
    JdbcTemplate jdbc;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMissedDeadlineEscalatesOnceAndOneMetInTimeNever() {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-sla", "name", "rep-sla",
                "regions", List.of(Map.of("province", "时限省")), "capacity", 100)).status()).isIn(201);
        assertThat(api.post("admin", "/api/experts", Map.of("expertId", "agro-a", "name", "王农艺师",
                "regions", List.of(Map.of("province", "时限省")), "crops", List.of("番茄"), "capacity", 100)).status())
                .isEqualTo(201);
        Api.Response policy = api.put("admin", "/api/policies/service", SECONDS_POLICY);
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        JsonNode set = api.get("manager", "/api/policies/service?minPosition=" + policy.position()).body();
        assertThat(set.get("firstResponse").get("URGENT").asText()).isEqualTo("PT2S");
        assertThat(set.get("version").asInt()).isEqualTo(policy.body().get("version").asInt());

        String customer = api.post("manager", "/api/customers", Map.of("name", "时限测试农场" + unique, "type", "FARM",
                "region", Map.of("province", "时限省", "city", "甲市"), "ownerRepId", "rep-sla")).text("customerId");
        Instant openedAt = clock.instant();
        String missed = "sla-missed-" + unique;
        String met = "sla-met-" + unique;
        open(api, missed, customer);
        long position = open(api, met, customer);
        JsonNode missedView = api.get("manager", "/api/tickets/" + missed + "?minPosition=" + position).body();
        assertThat(Instant.parse(missedView.get("firstResponse").get("dueAt").asText()))
                .isBetween(openedAt.plusSeconds(2).minusMillis(1), openedAt.plusSeconds(2));
        Api.Response answered = api.post("agro-a", "/api/tickets/" + met + "/responses", Map.of("note", "马上看"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(3));
        JsonNode escalated = await(api, missed, view -> view.get("escalations").size() == 1);
        assertThat(escalated.get("firstResponse").get("state").asText()).isEqualTo("MISSED");
        assertThat(escalated.get("firstResponse").get("overdue").asBoolean()).isTrue();
        assertThat(escalated.get("escalations").get(0).get("deadline").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(escalated.get("escalations").get(0).get("expertId").asText()).isEqualTo("agro-a");
        assertThat(escalated.get("timeline").findValuesAsText("step")).contains("ESCALATED");
        JsonNode inbox = api.await("manager", "/api/inbox?kind=ESCALATION&size=200", response -> response.body()
                        .get("items").findValuesAsText("subjectId").contains(missed), Duration.ofSeconds(20)).body();
        assertThat(inbox.get("items").findValuesAsText("inboxItemId"))
                .contains("ticket:" + missed + ":escalated:FIRST_RESPONSE:0")
                .noneMatch(id -> id.startsWith("ticket:" + met + ":"));

        // every due deadline has run: the met one escalated nothing
        awaitNoDueDeadlines();
        JsonNode metView = api.get("manager", "/api/tickets/" + met).body();
        assertThat(metView.get("firstResponse").get("state").asText()).isEqualTo("MET");
        assertThat(metView.get("escalations")).isEmpty();
        assertThat(escalations(met)).isZero();
        assertThat(escalations(missed)).isEqualTo(1);
        assertThat(api.get("manager", "/api/tickets?overdue=true&customerId=" + customer).body().get("items")
                .findValuesAsText("ticketId")).containsExactly(missed);

        // the met ticket is resolved in time; the missed one misses its resolution too
        assertThat(api.post("agro-a", "/api/tickets/" + met + "/resolve", Map.of("resolution", "控水")).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(10));
        JsonNode twice = await(api, missed, view -> view.get("escalations").size() == 2);
        assertThat(twice.get("resolution").get("state").asText()).isEqualTo("MISSED");
        awaitNoDueDeadlines();
        assertThat(escalations(met)).isZero();
        assertThat(escalations(missed)).isEqualTo(2);
        JsonNode resolved = api.get("manager", "/api/tickets/" + met).body();
        assertThat(resolved.get("resolution").get("state").asText()).isEqualTo("MET");
        assertThat(resolved.get("escalations")).isEmpty();
    }

    private static long open(Api api, String ticketId, String customerId) {
        Api.Response opened = api.post("manager", "/api/tickets", Map.of("ticketId", ticketId, "customerId", customerId,
                "kind", "AGRONOMY", "severity", "URGENT", "subject", "苗发蔫", "description", "番茄苗成片发蔫", "crop", "番茄"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.text("assignedExpertId")).isEqualTo("agro-a");
        return opened.position();
    }

    private int escalations(String ticketId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%TicketEscalatedEvent'", Integer.class, "ticket:" + ticketId);
    }

    private static JsonNode await(Api api, String ticketId, java.util.function.Predicate<JsonNode> condition) {
        JsonNode view = api.await("manager", "/api/tickets/" + ticketId, response -> response.status() == 200
                && condition.test(response.body()), Duration.ofSeconds(20)).body();
        assertThat(condition.test(view)).as(view.toString()).isTrue();
        return view;
    }

    /** Polls (bounded) until the deadline scheduler has run every deadline due by the test's clock. */
    private void awaitNoDueDeadlines() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ?", Integer.class,
                java.sql.Timestamp.from(clock.instant())) > 0) {
            assertThat(System.nanoTime()).as("due deadlines still pending").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
