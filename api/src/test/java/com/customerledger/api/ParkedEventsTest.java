package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
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
 * One event that a projection cannot apply (written straight into the store, past the edge's
 * checks) is parked with its cause: the rest of the stream goes on, the status reports it, later
 * events of the same customer wait behind it, and an admin's skip (an audited event) lets them through.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParkedEventsTest {

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", TestData.newDirectory("ledger-parked-")::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPoisonedEventIsParkedReportedAndSkippedWhileTheStreamGoesOn() {
        Api api = new Api(port);
        api.post("admin", "/api/reps", Map.of("repId", "rep-a", "name", "张伟", "regions", List.of(Map.of("province", "山东省")),
                "capacity", 10));
        String customer = api.post("rep-a", "/api/customers", Map.of("name", "中毒测试养殖场", "type", "FARM",
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

        Api.Response renamed = api.patch("rep-a", "/api/customers/" + customer, Map.of("name", "中毒测试养殖场二号"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Api.Response other = api.post("rep-a", "/api/customers", Map.of("name", "未受影响养殖场", "type", "FARM",
                "region", Map.of("province", "山东省")));
        assertThat(api.get("rep-a", "/api/customers/" + other.text("customerId") + "?minPosition=" + other.position()).status())
                .as("the rest of the stream goes on").isEqualTo(200);

        JsonNode status = parkedStatus(api, "customer-view", 2);
        assertThat(status.get("parked").asLong()).isEqualTo(2);
        assertThat(status.get("error").asBoolean()).isFalse();
        JsonNode parked = api.get("admin", "/api/admin/projections/customer-view/parked").body();
        assertThat(parked.get(0).get("eventId").asText()).isEqualTo(poison.getIdentifier());
        assertThat(parked.get(0).get("type").asText()).isEqualTo("VisitRecordedEvent");
        assertThat(parked.get(0).get("causeType").asText()).isNotBlank();
        assertThat(parked.get(1).get("type").asText()).as("the rename waits behind the poison").isEqualTo("CustomerProfileUpdatedEvent");
        assertThat(api.get("rep-a", "/api/customers/" + customer).body().get("name").asText()).isEqualTo("中毒测试养殖场");

        Api.Response retried = api.post("admin", "/api/admin/projections/customer-view/parked/retry", null);
        assertThat(retried.body().get("parked").asLong()).as("the poison fails again").isEqualTo(2);

        String skipPath = "/api/admin/projections/customer-view/parked/" + poison.getIdentifier() + "/skip";
        assertThat(api.post("manager", skipPath, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("admin", skipPath, Map.of("reason", " ")).status()).isEqualTo(400);
        assertThat(api.post("admin", "/api/admin/projections/customer-view/parked/no-such-event/skip", Map.of("reason", "x"))
                .status()).isEqualTo(404);
        Api.Response skipped = api.post("admin", skipPath, Map.of("reason", "跟进日期不可能，已核实为输入错误"));
        assertThat(skipped.status()).as(skipped.toString()).isEqualTo(200);
        assertThat(skipped.body().get("parked").asLong()).isZero();
        assertThat(api.get("rep-a", "/api/customers/" + customer).body().get("name").asText())
                .as("the event that waited is applied").isEqualTo("中毒测试养殖场二号");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?", Long.class,
                "com.customerledger.events.ParkedEventSkippedEvent")).as("the skip is in the audited stream").isEqualTo(1);
        assertThat(parkedStatus(api, "activity-view", 1).get("parked").asLong())
                .as("each projection parks for itself").isEqualTo(1);
    }

    private static JsonNode parkedStatus(Api api, String projection, long atLeast) {
        Api.Response statuses = api.await("admin", "/api/admin/projections", r -> {
            for (JsonNode status : r.body()) {
                if (status.get("name").asText().equals(projection)) {
                    return status.get("parked").asLong() >= atLeast;
                }
            }
            return false;
        }, Duration.ofSeconds(20));
        for (JsonNode status : statuses.body()) {
            if (status.get("name").asText().equals(projection)) {
                return status;
            }
        }
        throw new AssertionError("no status of " + projection + ": " + statuses);
    }
}
