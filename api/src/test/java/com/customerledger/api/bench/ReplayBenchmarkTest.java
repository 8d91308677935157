package com.customerledger.api.bench;

import com.customerledger.api.LedgerApplication;
import com.customerledger.api.TestData;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerTransferredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Region;
import com.customerledger.events.RepRegisteredEvent;
import com.customerledger.events.TransferReason;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.Projections;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replay throughput: N events (rep registrations, customer registrations and transfers, serialized by
 * Axon's own event serializer) are written straight into the embedded event store while the
 * projections are stopped; then they are started and catch up, then every projection is replayed
 * from the first event at once; prints events/s for both.
 * Run with: ./mvnw -B -pl api -am -Pbenchmark verify -Dtest=ReplayBenchmarkTest -Dbench.events=1000000
 */
@Tag("benchmark")
class ReplayBenchmarkTest {

    @Test
    void replayAllProjections() throws Exception {
        int events = Integer.getInteger("bench.events", 1_000_000);
        Path dataDir = TestData.newDirectory("ledger-replay-bench-");
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir,
                        "--logging.level.root=warn")) {
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            Serializer serializer = ledger.getBean("eventSerializer", Serializer.class);
            ProjectionProgress progress = ledger.getBean(ProjectionProgress.class);
            EventStore store = ledger.getBean(EventStore.class);
            List<StreamingEventProcessor> projections = Projections.ALL.stream()
                    .map(name -> ledger.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                    .toList();
            // stopped only once they hold their segments, so that they claim them again on start
            while (projections.stream().anyMatch(processor -> processor.processingStatus().isEmpty())) {
                Thread.sleep(100);
            }
            projections.forEach(StreamingEventProcessor::shutDown);

            long written = System.nanoTime();
            int reps = 50;
            List<Object[]> rows = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                add(rows, serializer, "rep:r" + r, 0, "Rep", new RepRegisteredEvent("r" + r, "代表" + r,
                        List.of(new Region("山东省", null, null)), List.of("feed"), List.of(CustomerType.FARM), 1_000_000, null,
                        "admin"));
            }
            int customers = (events - reps) / 2;
            Instant now = Instant.now();
            for (int c = 0; c < customers; c++) {
                String id = "c" + c;
                add(rows, serializer, "customer:" + id, 0, "Customer", CustomerRegisteredEvent.byPerson(id,
                        new CustomerProfile("回放客户" + c, CustomerType.FARM, new Region("山东省", "济南市", "历城区"), null, null,
                                null, List.of(), null, List.of(), List.of(), List.of("feed"), null), "r" + (c % reps), now,
                        "manager"));
                add(rows, serializer, "customer:" + id, 1, "Customer", CustomerTransferredEvent.byPerson(id, "r" + (c % reps),
                        "r" + ((c + 1) % reps), TransferReason.REBALANCE, now, null, "manager", null));
                if (rows.size() >= 5_000) {
                    flush(jdbc, rows);
                }
            }
            flush(jdbc, rows);
            int total = reps + customers * 2;
            System.out.printf("%nwrote %,d events in %.1f s%n", total, (System.nanoTime() - written) / 1e9);

            long head = store.createHeadToken().position().orElseThrow();
            long live = System.nanoTime();
            projections.forEach(StreamingEventProcessor::start);
            awaitPosition(progress, head);
            double liveSeconds = (System.nanoTime() - live) / 1e9;
            System.out.printf("live catch-up of %d projections: %,d events in %.1f s = %.0f events/s%n",
                    Projections.ALL.size(), total, liveSeconds, total / liveSeconds);

            long replay = System.nanoTime();
            Projections.ALL.forEach(progress::replay);
            awaitPosition(progress, head);
            double replaySeconds = (System.nanoTime() - replay) / 1e9;
            System.out.printf("replay of all %d projections: %,d events in %.1f s = %.0f events/s (%.0f event-applications/s)%n",
                    Projections.ALL.size(), total, replaySeconds, total / replaySeconds,
                    total * (double) Projections.ALL.size() / replaySeconds);
        }
        BenchData.reportAndRemove(dataDir);
    }

    private static void awaitPosition(ProjectionProgress progress, long head) throws InterruptedException {
        while (!progress.reached(head) || progress.statuses(head).stream().anyMatch(status -> status.replaying())) {
            Thread.sleep(500);
        }
    }

    private static void add(List<Object[]> rows, Serializer serializer, String aggregateId, long sequence, String type,
                            Object payload) {
        var serialized = serializer.serialize(payload, byte[].class);
        rows.add(new Object[] {aggregateId, sequence, type, UUID.randomUUID().toString(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData(), serialized.getData(),
                serialized.getType().getRevision(), serialized.getType().getName(), DateTimeUtils.formatInstant(Instant.now())});
    }

    private static void flush(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                + "payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }
}
