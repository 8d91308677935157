package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The auditor's API and the tamper evidence of the hash chain, on a ledger of its own: an event
 * edited or deleted directly in the embedded database is reported by /api/audit/verify.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AuditTest {

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) throws Exception {
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-audit-")::toString);
        registry.add("ledger.audit.gap-timeout", () -> "10s");
        registry.add("ledger.audit.link-interval", () -> "100ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    com.customerledger.query.audit.AuditChain chain;
    @Autowired
    com.customerledger.query.audit.StoredEvents storedEvents;

    /**
     * A position can be missing for good: a store migrated from H2 keeps the positions H2 handed to
     * appends that then rolled back (SQLite itself hands positions out in commit order and reuses a
     * rolled-back one, so it leaves none). The chain waits at a missing position for the gap timeout,
     * counted from when the event after it was stored, and then passes over it and links what follows.
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void aMissingPositionIsWaitedForAndThenPassedOver() {
        Api api = new Api(port);
        JsonNode empty = api.get("auditor", "/api/audit/verify").body();
        assertThat(empty.get("ok").asBoolean()).as("a check over nothing is not ok").isFalse();
        assertThat(empty.get("outcome").asText()).isEqualTo("EMPTY");
        long before = api.post("manager", "/api/customers", Map.of("name", "缺位之前养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"))).position();
        long missing = before + 1;
        // as a migrated store holds it: nothing at the missing position, an event right after it (with
        // metadata, as Axon writes every event: its engine cannot read a row without)
        jdbc.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "VALUES (?, 'probe:after-gap', 0, 'Probe', ?, ?, ?, NULL, 'com.customerledger.test.AfterGapProbe', ?)",
                missing + 1, java.util.UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                org.axonframework.common.DateTimeUtils.formatInstant(Instant.now()));
        long later = api.post("manager", "/api/customers", Map.of("name", "缺位之后养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"))).position();
        assertThat(later).isEqualTo(missing + 2);

        chain.extend();
        assertThat(chain.verify().head()).as("the chain waits at the missing position").isEqualTo(before);
        long head = later;
        JsonNode verified = api.await("auditor", "/api/audit/verify", r -> r.body().path("head").asLong() >= head,
                Duration.ofSeconds(30)).body();
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?", Long.class, head))
                .isEqualTo(verified.get("checked").asLong()).isEqualTo(head - 1);
    }

    /**
     * The audit reads the store through Axon's own interfaces (on Axon Server the same code reads
     * its stream): on the embedded engine, that is each row of the event table column for column,
     * positions included, neither upcast nor serialized anew, so a link made before still matches.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void theReaderHandsOverEveryEventExactlyAsTheTableHoldsIt() {
        new Api(port).post("manager", "/api/customers", Map.of("name", "逐列核对养殖场", "type", "FARM",
                "region", Map.of("province", "山东省")));
        List<com.customerledger.query.audit.StoredEvent> table = jdbc.query("SELECT globalIndex, eventIdentifier, type, "
                + "payloadRevision, aggregateIdentifier, sequenceNumber, timeStamp, payloadType, payload, metaData "
                + "FROM DomainEventEntry ORDER BY globalIndex", (rs, i) -> new com.customerledger.query.audit.StoredEvent(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10)));
        List<com.customerledger.query.audit.StoredEvent> read = storedEvents.after(0, table.size() + 10);
        assertThat(table).hasSizeGreaterThan(500);
        assertThat(read).hasSameSizeAs(table);
        String tableChain = com.customerledger.query.audit.StoredEvent.GENESIS;
        String readChain = tableChain;
        for (int i = 0; i < table.size(); i++) {
            assertThat(read.get(i).position()).isEqualTo(table.get(i).position());
            assertThat(read.get(i).payload()).isEqualTo(table.get(i).payload());
            assertThat(read.get(i).metaData()).isEqualTo(table.get(i).metaData());
            tableChain = table.get(i).link(tableChain);
            readChain = read.get(i).link(readChain);
            assertThat(readChain).as("link at position " + table.get(i).position()).isEqualTo(tableChain);
        }
        assertThat(storedEvents.head()).isEqualTo(table.get(table.size() - 1).position());
        List<com.customerledger.query.audit.StoredEvent> customer = storedEvents.ofAggregate(table.get(table.size() - 1)
                .aggregateId());
        assertThat(customer).extracting(com.customerledger.query.audit.StoredEvent::eventId)
                .contains(table.get(table.size() - 1).eventId());
    }

    /** Runs last: it tampers with the store, after which nothing on this ledger verifies. */
    @Test
    @org.junit.jupiter.api.Order(4)
    void auditorReadsTheTrailAndVerificationCatchesEditsAndDeletions() throws Exception {
        Api api = new Api(port);
        Instant from = Instant.now().minusSeconds(60);
        for (String rep : List.of("rep-a", "rep-b")) {
            api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep, "regions", List.of(Map.of("province", "山东省")),
                    "capacity", 10));
        }
        String customer = api.post("manager", "/api/customers", Map.of("name", "审计养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"))).text("customerId");
        api.post("rep-a", "/api/customers/" + customer + "/claim", null);
        Api.Response moved = api.post("manager", "/api/customers/" + customer + "/transfer",
                Map.of("toRepId", "rep-b", "reason", "DISPUTE", "note", "两位代表争议，经理裁定"));
        long head = moved.position();

        JsonNode verified = api.await("auditor", "/api/audit/verify", r -> r.body().path("head").asLong() >= head,
                Duration.ofSeconds(20)).body();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        // every stored event up to the head, the missing position of the first test passed over
        assertThat(verified.get("checked").asLong())
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?", Long.class, head));

        JsonNode events = api.get("auditor", "/api/audit/events?customerId=" + customer).body();
        List<String> types = new java.util.ArrayList<>();
        events.forEach(event -> types.add(event.get("type").asText()));
        assertThat(types).containsExactly("CustomerRegisteredEvent", "CustomerClaimedEvent", "CustomerTransferredEvent");
        JsonNode transfer = events.get(2);
        assertThat(transfer.get("metaData").get("userId").asText()).isEqualTo("manager");
        assertThat(transfer.get("payload").get("note").asText()).isEqualTo("两位代表争议，经理裁定");
        assertThat(transfer.get("chainHash").asText()).hasSize(64);

        Instant to = Instant.now().plusSeconds(60);
        JsonNode trail = api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to + "&customerId=" + customer)
                .body();
        List<String> reasons = new java.util.ArrayList<>();
        trail.forEach(row -> reasons.add(row.get("reason").asText()));
        assertThat(reasons).containsExactly("REGISTERED", "CLAIM", "DISPUTE");
        assertThat(trail.get(2).get("fromRepId").asText()).isEqualTo("rep-a");
        assertThat(trail.get(2).get("toRepId").asText()).isEqualTo("rep-b");
        assertThat(trail.get(2).get("authorizedBy").asText()).isEqualTo("manager");
        assertThat(trail.get(2).get("chainHash").asText()).isEqualTo(transfer.get("chainHash").asText());
        assertThat(api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to + "&repId=rep-b").body()
                .findValuesAsText("customerId")).containsOnly(customer);

        Api.Response csv = api.get("admin", "/api/audit/transfers?from=" + from + "&to=" + to + "&format=csv&customerId="
                + customer);
        assertThat(csv.contentType()).startsWith("text/csv");
        byte[] bytes = csv.raw().body().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0] & 0xFF).as("UTF-8 byte order mark for Excel").isEqualTo(0xEF);
        assertThat(csv.raw().body().lines().toList()).hasSize(4);
        assertThat(csv.raw().body()).contains("position,eventId,customerId").contains("DISPUTE");
        assertThat(api.get("manager", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("auditor", "/api/audit/transfers?from=" + to + "&to=" + from).status()).isEqualTo(400);

        // someone with database access removes the claim and rewrites the registration
        long claim = events.get(1).get("position").asLong();
        long registration = events.get(0).get("position").asLong();
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", claim);
        JsonNode afterDelete = api.get("auditor", "/api/audit/verify").body();
        assertThat(afterDelete.get("ok").asBoolean()).isFalse();
        assertThat(afterDelete.get("firstMismatch").get("position").asLong()).isEqualTo(claim);
        assertThat(afterDelete.get("firstMismatch").get("problem").asText()).contains("missing");

        byte[] payload = jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", byte[].class,
                registration);
        String forged = new String(payload, StandardCharsets.UTF_8).replace("审计养殖场", "别的养殖场");
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", forged.getBytes(StandardCharsets.UTF_8),
                registration);
        JsonNode afterEdit = api.get("auditor", "/api/audit/verify").body();
        assertThat(afterEdit.get("ok").asBoolean()).isFalse();
        assertThat(afterEdit.get("firstMismatch").get("position").asLong()).isEqualTo(registration);
        assertThat(afterEdit.get("firstMismatch").get("eventId").asText()).isEqualTo(events.get(0).get("eventId").asText());
        assertThat(afterEdit.get("firstMismatch").get("problem").asText()).contains("changed");
    }

    /** More changes than one page of the export: every row of the window, in order, each with its chain link. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void theExportCoversExactlyItsWindowAcrossPages() {
        Api api = new Api(port);
        Api.Response before = api.post("manager", "/api/customers", Map.of("name", "窗口之前", "type", "FARM",
                "region", Map.of("province", "河北省")));
        // the window opens just after the earlier registration was recorded; the others are recorded later
        Instant from = Instant.parse(api.get("auditor", "/api/audit/events?customerId=" + before.text("customerId")).body()
                .get(0).get("recordedAt").asText()).plusMillis(1);
        EmbeddedLedgerTest.awaitClockPast(from);
        java.util.Set<String> inWindow = new java.util.HashSet<>();
        long last = 0;
        for (int i = 0; i < 520; i++) {
            Api.Response registered = api.post("manager", "/api/customers", Map.of("name", "窗口养殖场" + i, "type", "FARM",
                    "region", Map.of("province", "河北省", "city", "保定市", "county", "清苑区")));
            inWindow.add(registered.text("customerId"));
            last = registered.position();
        }
        Instant to = Instant.now().plusMillis(1);
        long head = last;
        api.await("auditor", "/api/audit/verify", r -> r.body().path("head").asLong() >= head, Duration.ofSeconds(30));

        JsonNode trail = api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to).body();
        assertThat(trail.findValuesAsText("customerId")).hasSize(520).containsExactlyInAnyOrderElementsOf(inWindow)
                .doesNotContain(before.text("customerId"));
        long previous = 0;
        for (JsonNode row : trail) {
            assertThat(row.get("position").asLong()).isGreaterThan(previous);
            assertThat(row.get("chainHash").asText()).hasSize(64);
            previous = row.get("position").asLong();
        }
        String csv = api.get("auditor", "/api/audit/transfers?from=" + from + "&to=" + to + "&format=csv").raw().body();
        assertThat(csv.lines().skip(1).toList()).hasSize(520).allSatisfy(line -> assertThat(line).matches(".*,[0-9a-f]{64}"));
    }
}
