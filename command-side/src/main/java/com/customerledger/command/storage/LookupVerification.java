package com.customerledger.command.storage;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.EventPositions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds, and repairs, command-side lookups whose events were never stored. With Axon Server the
 * lookups' database transaction commits before Axon Server's append (two commits; the unit of work
 * commits them in that order), so a crash or a failed append between the two leaves lookup rows of
 * a command that was never acknowledged: keys of a customer that does not exist, a count too many.
 *
 * <p>While switched on ({@code ledger.lookups.verify-appends}, on by default with Axon Server; the
 * embedded store commits lookups and events in one transaction and needs none of it), every event the
 * lookups apply leaves a receipt in their transaction. {@link #verify()} (at start and every
 * {@code ledger.lookups.verify-interval}) takes the receipts older than the command timeout, asks the
 * event store for each event by aggregate and sequence, and drops the receipts of stored events.
 * When one is missing, it rebuilds every lookup table from the stored events in one transaction (the
 * tables are nothing but what the command-lookups handlers made of the events), which removes the
 * phantom rows and keeps the real ones. A rebuild that fails (a stored history the handlers refuse,
 * which would be a 撞单 that got in some other way) rolls back, keeps the receipts and is reported at
 * ERROR on every check until it is resolved. See docs/production.md.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class LookupVerification {

    /** Every table the command-lookups handlers write, in an order that deletes safely. */
    public static final List<String> LOOKUP_TABLES = List.of("customer_key", "customer_owner", "customer_collaborator",
            "rep_book", "assignment_turn", "assignment_rule", "assignment_policy_version", "transfer_batch_item",
            "transfer_batch", "pool_policy", "grading_policy");
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(LookupVerification.class);

    /** What a check found: receipts checked, events missing, and whether the lookups were rebuilt (or failed to be). */
    public record Result(int checked, List<String> missingEventIds, boolean rebuilt, String failure) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final EventPositions positions;
    private final Clock clock;
    private final boolean enabled;
    private final Duration settle;
    private volatile Result last = new Result(0, List.of(), false, null);

    public LookupVerification(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStore eventStore,
                              EventProcessingConfiguration processing, EventPositions positions, Clock clock,
                              @Value("${ledger.lookups.verify-appends:${axon.axonserver.enabled:false}}") boolean enabled,
                              @Value("${ledger.commands.timeout:10s}") Duration settle) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.processing = processing;
        this.positions = positions;
        this.clock = clock;
        this.enabled = enabled;
        this.settle = settle;
    }

    /** The receipt of an event the lookups applied, in their transaction. */
    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (enabled) {
            jdbc.update("INSERT INTO lookup_receipt (event_id, aggregate_id, sequence_number, recorded_at) VALUES (?, ?, ?, ?)",
                    event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(), clock.millis());
        }
    }

    /** At start, once Axon runs: an instance that crashed between the two commits finds out before it serves. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextRefreshedEvent.class)
    void atStart() {
        if (enabled) {
            try {
                verify();
            } catch (RuntimeException unreachable) {
                log.warn("command lookups: could not verify them against the event store at start ({}); retried every "
                        + "ledger.lookups.verify-interval", unreachable.toString());
            }
        }
    }

    @Scheduled(initialDelayString = "${ledger.lookups.verify-interval:5m}", fixedDelayString = "${ledger.lookups.verify-interval:5m}")
    void scheduled() {
        if (enabled) {
            try {
                verify();
            } catch (RuntimeException unreachable) {
                log.warn("command lookups: could not verify them against the event store ({}); retried in "
                        + "ledger.lookups.verify-interval", unreachable.toString());
            }
        }
    }

    /** The outcome of the latest check. */
    public Result last() {
        return last;
    }

    /** Checks the settled receipts against the event store; rebuilds the lookups if an event is missing. */
    public Result verify() {
        long settledBefore = clock.millis() - settle.toMillis();
        int checked = 0;
        List<String> missing = new ArrayList<>();
        long after = Long.MIN_VALUE;
        String afterId = "";
        while (true) {
            List<Receipt> receipts = jdbc.query("SELECT event_id, aggregate_id, sequence_number, recorded_at FROM lookup_receipt "
                            + "WHERE recorded_at < ? AND (recorded_at > ? OR (recorded_at = ? AND event_id > ?)) "
                            + "ORDER BY recorded_at, event_id LIMIT " + BATCH,
                    (rs, i) -> new Receipt(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                    settledBefore, after, after, afterId);
            for (Receipt receipt : receipts) {
                if (isStored(receipt)) {
                    jdbc.update("DELETE FROM lookup_receipt WHERE event_id = ?", receipt.eventId());
                } else {
                    missing.add(receipt.eventId());
                }
            }
            checked += receipts.size();
            if (receipts.size() < BATCH) {
                break;
            }
            after = receipts.get(receipts.size() - 1).recordedAt();
            afterId = receipts.get(receipts.size() - 1).eventId();
        }
        Result result = missing.isEmpty() ? new Result(checked, List.of(), false, null) : rebuild(checked, missing);
        last = result;
        return result;
    }

    private boolean isStored(Receipt receipt) {
        DomainEventStream events = eventStore.readEvents(receipt.aggregateId(), receipt.sequence());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() == receipt.sequence()) {
                return event.getIdentifier().equals(receipt.eventId());
            }
            if (event.getSequenceNumber() > receipt.sequence()) {
                return false;
            }
        }
        return false;
    }

    private Result rebuild(int checked, List<String> missing) {
        log.warn("command lookups: {} applied event(s) were never stored ({}); rebuilding the lookups from the stored events",
                missing.size(), missing.size() > 5 ? missing.subList(0, 5) + " …" : missing);
        try {
            long replayed = transaction.execute(status -> {
                LOOKUP_TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
                jdbc.update("DELETE FROM lookup_receipt");
                long count = replay();
                // every row now comes from a stored event: nothing left to verify
                jdbc.update("DELETE FROM lookup_receipt");
                return count;
            });
            log.warn("command lookups: rebuilt from {} stored events", replayed);
            return new Result(checked, List.copyOf(missing), true, null);
        } catch (RuntimeException refused) {
            log.error("command lookups: the rebuild from the stored events failed and was rolled back; the lookups keep "
                    + "rows of events never stored ({}) until this is resolved", missing, refused);
            return new Result(checked, List.copyOf(missing), false, String.valueOf(refused.getMessage()));
        }
    }

    /** Hands every stored event, in order, to the command-lookups handlers; answers how many. */
    private long replay() {
        EventProcessor processor = processing.eventProcessor(CommandLookups.PROCESSING_GROUP)
                .orElseThrow(() -> new IllegalStateException("no command-lookups processor"));
        EventHandlerInvoker handlers = ((SubscribingEventProcessor) processor).eventHandlerInvoker();
        long head = positions.of(eventStore.createHeadToken());
        long count = 0;
        if (head == 0) {
            return 0;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(10, java.util.concurrent.TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                DefaultUnitOfWork.startAndGet(event).execute(() -> {
                    try {
                        handlers.handle(event, Segment.ROOT_SEGMENT);
                    } catch (Exception e) {
                        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                    }
                });
                count++;
                if (positions.of(event.trackingToken().position()).orElse(Long.MAX_VALUE) >= head) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebuilding the lookups", interrupted);
        }
        return count;
    }

    private record Receipt(String eventId, String aggregateId, long sequence, long recordedAt) {
    }
}
