package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ticket's first-response deadline comes due while the ledger is stopped: after the start it escalates once,
 * and a further restart escalates nothing again.
 */
class TicketRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aDeadlineDueWhileStoppedEscalatesOnceAfterTheStartAndNeverAgain() throws InterruptedException {
        Instant due;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first));
            assertThat(api.post("admin", "/api/reps", Map.of("repId", "rep-r", "name", "rep-r",
                    "regions", List.of(Map.of("province", "重启省")), "capacity", 10)).status()).isEqualTo(201);
            assertThat(api.post("admin", "/api/experts", Map.of("expertId", "agro-a", "name", "王农艺师",
                    "regions", List.of(Map.of("province", "重启省")), "capacity", 10)).status()).isEqualTo(201);
            assertThat(api.put("admin", "/api/policies/service", Map.of(
                    "firstResponse", Map.of("URGENT", "PT2S", "HIGH", "PT2S", "NORMAL", "PT2S", "LOW", "PT2S"),
                    "resolution", Map.of("URGENT", "PT1H", "HIGH", "PT1H", "NORMAL", "PT1H", "LOW", "PT1H"))).status())
                    .isEqualTo(200);
            String customer = api.post("manager", "/api/customers", Map.of("name", "重启时限农场", "type", "FARM",
                    "region", Map.of("province", "重启省"), "ownerRepId", "rep-r")).text("customerId");
            Api.Response opened = api.post("manager", "/api/tickets", Map.of("ticketId", "t-restart", "customerId", customer,
                    "kind", "QUALITY", "severity", "URGENT", "subject", "饲料结块", "description", "新到一批饲料结块"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            assertThat(opened.text("assignedExpertId")).isEqualTo("agro-a");
            due = Instant.parse(opened.text("firstResponseDueAt"));
            assertThat(escalations(first)).as("stopped before the deadline").isZero();
        }
        while (!Instant.now().isAfter(due.plusMillis(500))) {
            Thread.sleep(100);
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second));
            JsonNode view = api.await("manager", "/api/tickets/t-restart", response -> response.status() == 200
                    && response.body().get("escalations").size() == 1, Duration.ofSeconds(30)).body();
            assertThat(view.get("escalations")).hasSize(1);
            assertThat(view.get("firstResponse").get("state").asText()).isEqualTo("MISSED");
            JsonNode inbox = api.await("manager", "/api/inbox?kind=ESCALATION", response -> response.body().get("items")
                    .findValuesAsText("inboxItemId").contains("ticket:t-restart:escalated:FIRST_RESPONSE:0"),
                    Duration.ofSeconds(30)).body();
            assertThat(inbox.get("items").findValuesAsText("inboxItemId"))
                    .containsOnlyOnce("ticket:t-restart:escalated:FIRST_RESPONSE:0");
            assertThat(escalations(second)).isEqualTo(1);
            // what is left is the resolution deadline, an hour away
            assertThat(pendingDeadlines(second)).containsExactly(due.minusSeconds(2).plus(Duration.ofHours(1)));
        }

        try (ConfigurableApplicationContext third = start()) {
            Api api = new Api(port(third));
            // the agro-a task and the escalation are all there is; a few scheduler polls later, still one escalation
            Thread.sleep(1000);
            assertThat(escalations(third)).isEqualTo(1);
            assertThat(api.get("manager", "/api/tickets/t-restart").body().get("escalations")).hasSize(1);
            Api.Response answered = api.post("agro-a", "/api/tickets/t-restart/responses", Map.of("note", "换一批"));
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
            assertThat(api.get("manager", "/api/tickets/t-restart?minPosition=" + answered.position()).body()
                    .get("status").asText()).isEqualTo("IN_PROGRESS");
        }
    }

    private static int escalations(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = 'ticket:t-restart' AND payloadType LIKE '%TicketEscalatedEvent'", Integer.class);
    }

    private static List<Instant> pendingDeadlines(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("SELECT execution_time FROM scheduled_tasks "
                + "ORDER BY execution_time", java.sql.Timestamp.class).stream().map(java.sql.Timestamp::toInstant).toList();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir, "--ledger.pool.scheduler-polling=100ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
