package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The parked events on the admin's console: an event a projection cannot apply (written straight into the store, past
 * the edge's checks, in stores of this test's own so no other test meets it) shows on the projections page and on the
 * projection's parked page with its cause; a retry leaves it parked, a skip without a reason is refused, and a skip with
 * one (an audited event) lets the event that waited behind it through.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminConsoleParkedTest {

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-console-parked-")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdminSeesAParkedEventRetriesItAndSkipsItWithAReason() {
        Api api = new Api(port);
        api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "张伟", "regions", List.of(Map.of("province", "山东省")),
                "capacity", 10));
        String customer = api.post("rep-a", "/api/customers", Map.of("name", "搁置测试养殖场", "type", "FARM",
                "region", Map.of("province", "山东省"))).text("customerId");
        String aggregate = "customer:" + customer;
        long sequence = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, aggregate) + 1;
        String type = jdbc.queryForObject("SELECT type FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                String.class, aggregate);
        // a follow-up date no store can hold as a date: the edge refuses it now, but it is in the stream
        GenericDomainEventMessage<VisitRecordedEvent> poison = new GenericDomainEventMessage<>(type, aggregate, sequence,
                new VisitRecordedEvent(customer, "v-poison", "rep-a", Instant.parse("2026-11-01T08:00:00Z"), VisitChannel.ON_SITE,
                        "notes", "outcome", Instant.parse("+999999999-12-31T23:59:59Z"), null, "rep-a"));
        eventStore.publish(poison);
        Api.Response renamed = api.patch("rep-a", "/api/customers/" + customer, Map.of("name", "搁置测试养殖场二号"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        api.await("admin", "/api/admin/projections", r -> r.body().findValues("parked").stream()
                .mapToLong(parked -> parked.asLong()).sum() >= 2, Duration.ofSeconds(20));

        ConsoleSession admin = new ConsoleSession(port);
        admin.login("admin", "admin-pass");
        ConsoleSession.Page projections = admin.get("/console/admin/projections");
        assertThat(projections.body()).containsPattern("id=\"parked-customer-view\"[^>]*>2</a>");
        String path = "/console/admin/projections/customer-view/parked";
        ConsoleSession.Page parked = admin.get(path);
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.body()).contains("id=\"parked-" + poison.getIdentifier() + "\"", "VisitRecordedEvent",
                "CustomerProfileUpdatedEvent", aggregate, "id=\"retry\"");

        ConsoleSession.Page retried = admin.post(path + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(admin.get(path).body()).contains("已重试", "仍有 2 个事件搁置", "id=\"parked-" + poison.getIdentifier() + "\"");

        String skip = path + "/" + poison.getIdentifier() + "/skip";
        ConsoleSession.Page noReason = admin.post(skip, Map.of("reason", "   "));
        assertThat(admin.get(noReason.location().substring(noReason.location().indexOf("/console"))).body())
                .contains("a skip needs a reason", "id=\"parked-" + poison.getIdentifier() + "\"");
        assertThat(skipsRecorded()).isZero();
        assertThat(admin.postRaw(skip, Map.of("reason", "伪造")).status()).isEqualTo(403);
        ConsoleSession auditor = new ConsoleSession(port);
        auditor.login("auditor", "auditor-pass");
        assertThat(auditor.get(path).status()).isEqualTo(403);
        assertThat(auditor.post(skip, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(skipsRecorded()).isZero();

        ConsoleSession.Page skipped = admin.post(skip, Map.of("reason", "跟进日期不可能，已核实为输入错误"));
        assertThat(skipped.status()).isEqualTo(302);
        String after = admin.get(path).body();
        assertThat(after).contains("该事件已跳过", "id=\"none-parked\"").doesNotContain(poison.getIdentifier());
        assertThat(skipsRecorded()).as("the skip is in the audited stream").isEqualTo(1);
        assertThat(api.get("rep-a", "/api/customers/" + customer).body().get("name").asText())
                .as("the event that waited is applied").isEqualTo("搁置测试养殖场二号");
    }

    private long skipsRecorded() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?", Long.class,
                "com.customerledger.events.ParkedEventSkippedEvent");
    }
}
