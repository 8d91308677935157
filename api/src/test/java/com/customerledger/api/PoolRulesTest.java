package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public-pool rules end to end with a clock the test moves: the neglected customer's owner is
 * reminded, then the customer goes back to the pool; a customer someone worked on stays.
 */
class PoolRulesTest extends MovableClockLedgerTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    com.customerledger.command.pool.PoolProcessBackfill backfill;

    @Test
    void neglectedCustomerIsRemindedThenReleasedWhileTheVisitedOneStays() {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "rep-a",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 10)).status()).isEqualTo(201);
        Api.Response policy = api.put("admin", "/api/policies/pool",
                Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90, "reminderDaysBefore", 5));
        assertThat(policy.status()).isEqualTo(200);
        assertThat(api.get("manager", "/api/policies/pool?minPosition=" + policy.position()).body()
                .get("daysWithoutVisit").asInt()).isEqualTo(30);
        assertThat(api.put("manager", "/api/policies/pool", Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90,
                "reminderDaysBefore", 5)).status()).isEqualTo(403);
        assertThat(api.put("admin", "/api/policies/pool", Map.of("daysWithoutVisit", 10, "daysWithoutDeal", 90,
                "reminderDaysBefore", 12)).status()).isEqualTo(400);

        String neglected = register(api, "无人跟进养殖场");
        String visited = register(api, "常去的养殖场");

        clock.advance(Duration.ofDays(20));
        Instant visitedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Api.Response visit = api.patch("rep-a", "/api/customers/" + visited, Map.of("address", "第20天拜访时更新"));
        assertThat(visit.status()).isEqualTo(200);

        clock.advance(Duration.ofDays(6));
        JsonNode reminded = await(api, neglected, view -> view.hasNonNull("poolReleaseDueAt"));
        assertThat(reminded.get("ownerRepId").asText()).isEqualTo("rep-a");
        assertThat(api.get("manager", "/api/customers/" + visited).body().get("poolReleaseDueAt").isNull()).isTrue();

        // a grade change restarts no deadline: the warning stays, and the release below still comes
        Api.Response graded = api.post("manager", "/api/customers/" + neglected + "/grade",
                Map.of("grade", "B", "reason", "年度评审"));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        JsonNode afterGrade = api.get("manager", "/api/customers/" + neglected + "?minPosition=" + graded.position()).body();
        assertThat(afterGrade.get("grade").asText()).isEqualTo("B");
        assertThat(afterGrade.get("poolReleaseDueAt").asText()).isEqualTo(reminded.get("poolReleaseDueAt").asText());

        clock.advance(Duration.ofDays(5));
        JsonNode released = await(api, neglected, view -> view.path("inPool").asBoolean());
        assertThat(released.get("ownerRepId").isNull()).isTrue();
        JsonNode period = awaitPath(api, "/api/customers/" + neglected + "/ownership", view -> view.path("periods").size() == 2)
                .get("periods").get(1);
        assertThat(period.get("reason").asText()).isEqualTo("RELEASE");
        assertThat(period.get("authorizedBy").asText()).isEqualTo("system:pool-rules");

        // the visited customer's first deadlines were due now too; once every due deadline has run, it is
        // still rep-a's, with no reminder or release stored, and its release waits 30 days from the visit
        awaitNoDueDeadlines();
        assertThat(jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                String.class, "customer:" + visited)).noneMatch(type -> type.contains("Pool") || type.contains("Released"));
        assertThat(api.get("manager", "/api/customers/" + visited).body().get("ownerRepId").asText()).isEqualTo("rep-a");
        // what is left are the visited customer's reminder and release, the release last
        assertThat(jdbc.queryForList("SELECT execution_time FROM scheduled_tasks ORDER BY execution_time",
                java.sql.Timestamp.class).stream().map(java.sql.Timestamp::toInstant).toList())
                .containsExactly(visitedAt.plus(Duration.ofDays(25)), visitedAt.plus(Duration.ofDays(30)));
        JsonNode pool = api.get("rep-a", "/api/pool?size=200").body();
        assertThat(pool.get("items").findValuesAsText("customerId")).contains(neglected).doesNotContain(visited);
    }

    @Test
    void aCustomerFromBeforeThePoolProcessGetsOneRebuiltFromItsEventsOnceAndIsReleasedByIt() {
        Api api = new Api(port);
        assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-old", "name", "rep-old",
                "regions", List.of(Map.of("province", "山东省")), "capacity", 10)).status()).isEqualTo(201);
        assertThat(api.put("admin", "/api/policies/pool", Map.of("daysWithoutVisit", 30, "daysWithoutDeal", 90,
                "reminderDaysBefore", 5)).status()).isEqualTo(200);
        Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "老账本里的养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"), "ownerRepId", "rep-old"));
        assertThat(registered.status()).isEqualTo(201);
        String customer = registered.text("customerId");
        assertThat(backfill.customersWithoutProcess()).doesNotContain(customer);

        // as a ledger written before the pool process: the customer has none (what deadlines it had find no process)
        jdbc.update("DELETE FROM SagaEntry WHERE sagaId IN (SELECT sagaId FROM AssociationValueEntry "
                + "WHERE associationValue = ?)", customer);
        jdbc.update("DELETE FROM AssociationValueEntry WHERE associationValue = ?", customer);
        assertThat(backfill.customersWithoutProcess()).containsExactly(customer);

        assertThat(backfill.backfill()).isEqualTo(1);
        assertThat(backfill.customersWithoutProcess()).isEmpty();
        assertThat(backfill.backfill()).isZero();

        clock.advance(Duration.ofDays(31));
        JsonNode released = await(api, customer, view -> view.path("inPool").asBoolean());
        assertThat(released.get("ownerRepId").isNull()).isTrue();
        // the rebuilt process counts from when the events were stored (the wall clock, which this test's
        // clock may run ahead of), so the release is looked up by its reason, not by its place in time
        JsonNode periods = awaitPath(api, "/api/customers/" + customer + "/ownership",
                view -> view.path("periods").size() == 2).get("periods");
        assertThat(periods.findValuesAsText("reason")).contains("RELEASE");
        periods.forEach(period -> {
            if ("RELEASE".equals(period.get("reason").asText())) {
                assertThat(period.get("authorizedBy").asText()).isEqualTo("system:pool-rules");
            }
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%CustomerReleasedEvent'", Integer.class, "customer:" + customer)).isEqualTo(1);
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

    private static String register(Api api, String name) {
        Api.Response registered = api.post("manager", "/api/customers", Map.of("name", name, "type", "FARM",
                "region", Map.of("province", "山东省"), "ownerRepId", "rep-a"));
        assertThat(registered.status()).isEqualTo(201);
        return registered.text("customerId");
    }

    private static JsonNode await(Api api, String customerId, java.util.function.Predicate<JsonNode> condition) {
        return awaitPath(api, "/api/customers/" + customerId, condition);
    }

    /** Deadlines fire in the background: poll (bounded) until the read model shows their effect. */
    private static JsonNode awaitPath(Api api, String path, java.util.function.Predicate<JsonNode> condition) {
        JsonNode view = api.await("manager", path, response -> condition.test(response.body()), Duration.ofSeconds(20))
                .body();
        assertThat(condition.test(view)).as(view.toString()).isTrue();
        return view;
    }
}
