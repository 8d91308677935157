package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.command.customer.Customer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customer snapshots: taken once loading a customer takes more than the threshold of events (five in
 * the tests), stored under the aggregate's revision, and a customer loaded from a snapshot plus the
 * events after it is in exactly the state of one rebuilt from all its events.
 */
class SnapshotTest extends EmbeddedLedgerTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore events;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void aCustomerLoadedFromASnapshotIsInTheSameStateAsOneRebuiltFromItsEvents() {
        String id = customerWithAHistory();
        String aggregateId = "customer:" + id;
        assertThat(snapshotRevisions(aggregateId)).as("the threshold of %d events took a snapshot", SNAPSHOT_THRESHOLD)
                .containsOnly(Customer.class.getAnnotation(org.axonframework.serialization.Revision.class).value());

        // a snapshot of the state right now, read back the way the repository reads it
        snapshotter.scheduleSnapshot(Customer.class, aggregateId);
        DomainEventMessage<?> snapshot = events.readEvents(aggregateId).next();
        assertThat(snapshot.getPayload()).isInstanceOf(Customer.class);
        assertThat(snapshot.getSequenceNumber()).isEqualTo(events.lastSequenceNumberFor(aggregateId).orElseThrow());
        Customer fromSnapshot = (Customer) snapshot.getPayload();

        // one more event after the snapshot: the repository loads the snapshot, then that event
        assertThat(api.post("rep-b", "/api/customers/" + id + "/visits", Map.of("visitedAt", Instant.now().toString(),
                "channel", "PHONE", "notes", "快照之后的回访")).status()).isEqualTo(201);
        Customer loadedWithSnapshot = load(aggregateId);

        jdbc.update("DELETE FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", aggregateId);
        Customer rebuilt = load(aggregateId);
        assertThat(rebuilt).usingRecursiveComparison().isEqualTo(loadedWithSnapshot);
        assertThat(rebuilt).usingRecursiveComparison().isNotEqualTo(fromSnapshot);
        assertThat(loadedWithSnapshot).usingRecursiveComparison().ignoringFields("records.visits", "activity")
                .isEqualTo(fromSnapshot);
    }

    @Test
    void aSnapshotOfAnotherRevisionIsIgnored() {
        String id = customerWithAHistory();
        String aggregateId = "customer:" + id;
        snapshotter.scheduleSnapshot(Customer.class, aggregateId);
        Customer expected = load(aggregateId);

        // as if an older build with other fields had written it: the filter must skip it, not read it
        jdbc.update("UPDATE SnapshotEventEntry SET payloadRevision = '0', payload = ? WHERE aggregateIdentifier = ?",
                "{\"customerId\":\"someone-else\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), aggregateId);
        assertThat(events.readEvents(aggregateId).next().getPayload()).isNotInstanceOf(Customer.class);
        assertThat(load(aggregateId)).usingRecursiveComparison().isEqualTo(expected);

        // and commands decide on the rebuilt state
        Api.Response release = api.post("manager", "/api/customers/" + id + "/release", Map.of("reason", "回公海"));
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        assertThat(api.get("manager", "/api/customers/" + id + "?minPosition=" + release.position()).body()
                .get("inPool").asBoolean()).isTrue();
    }

    /**
     * A customer with registration, transfers, a visit, a deal, a collaborator, a grade set by hand, a
     * profile change and a reversal of an earlier change: more events than the snapshot threshold.
     */
    private String customerWithAHistory() {
        registerRep("rep-a", 1000);
        registerRep("rep-b", 1000);
        registerRep("snapshot-rep", 1000);
        String id = api.post("manager", "/api/customers", newCustomer("rep-a")).text("customerId");
        String path = "/api/customers/" + id;
        expect(200, api.post("manager", path + "/transfer", Map.of("toRepId", "snapshot-rep", "reason", "MANUAL")));
        expect(200, api.post("manager", path + "/transfer", Map.of("toRepId", "rep-b", "reason", "REBALANCE")));
        Instant now = Instant.now();
        expect(201, api.post("rep-b", path + "/visits", Map.of("visitId", "v-" + id, "visitedAt", now.toString(),
                "channel", "ON_SITE", "notes", "看了猪场", "nextFollowUpAt", now.plus(7, ChronoUnit.DAYS).toString())));
        expect(201, api.post("rep-b", path + "/deals", Map.of("dealId", "d-" + id, "productLine", "feed",
                "amount", "12000.50", "margin", "1800.00", "closedAt", now.toString())));
        expect(200, api.post("rep-b", path + "/collaborators", Map.of("repId", "rep-a", "role", "EDITOR")));
        expect(200, api.post("manager", path + "/grade", Map.of("grade", "A", "reason", "大客户")));
        Api.Response updated = expect(200, api.patch("rep-b", path, Map.of("address", "寿光市洛城街道")));
        String firstTransfer = api.get("auditor", path + "/ownership?minPosition=" + updated.position())
                .body().get("periods").get(1).get("eventId").asText();
        expect(200, api.post("manager", path + "/ownership/reversals", Map.of("eventId", firstTransfer,
                "reason", "转错了人")));
        return id;
    }

    private static Api.Response expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private java.util.List<String> snapshotRevisions(String aggregateId) {
        return jdbc.queryForList("SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                String.class, aggregateId);
    }

    /** The customer as the command side would load it, in a unit of work that is rolled back. */
    private Customer load(String aggregateId) {
        Repository<Customer> repository = axon.repository(Customer.class);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(aggregateId).invoke(Function.identity());
        } finally {
            unitOfWork.rollback();
        }
    }
}
