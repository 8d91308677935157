package com.customerledger.command.storage;

import com.customerledger.command.CommandLookups;
import com.customerledger.command.pool.PoolProcessBackfill;
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
 * Finds, and repairs, command-side lookups that disagree with the stored events. With Axon Server a
 * command makes two commits: Axon Server's append first, then the lookups' database transaction (the
 * unit of work runs its commit handlers in reverse order of registration). A crash or a failing
 * database between the two leaves stored events without their lookup rows: keys missing, so the
 * customer could be registered again; a rep's count too low; a rotation turn not moved.
 *
 * <p>While switched on ({@code ledger.lookups.verify-appends}, on by default with Axon Server; the
 * embedded store commits lookups and events in one transaction and needs none of it), every event the
 * lookups apply leaves a receipt in their transaction. {@link #verify()} (at start and every
 * {@code ledger.lookups.verify-interval}) reads the stored events after its watermark: a settled event
 * (older than {@code ledger.lookups.settle}) with a receipt is fine and its receipt dropped; one without
 * is an event whose lookups never committed. A settled receipt whose event is not stored is the
 * reverse case. Either way it rebuilds every lookup table from the stored events in one transaction
 * (the tables are nothing but what the command-lookups handlers made of the events). A rebuild that
 * fails (stored events that conflict, such as a duplicate registered while the keys were missing)
 * rolls back, keeps the watermark and is reported at ERROR on every check until resolved. After a rebuild,
 * a customer whose pool process (saga and deadlines, committed with the lookups) is missing gets it
 * rebuilt from its events ({@link PoolProcessBackfill}). On PostgreSQL, which several command instances
 * share, one instance checks at a time (an advisory lock) and a rebuild locks the lookup tables against
 * the others' writes for its transaction. See docs/production.md.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class LookupVerification {

    /** Every table the command-lookups handlers write, in an order that deletes safely. */
    public static final List<String> LOOKUP_TABLES = List.of("customer_key", "customer_facts", "customer_owner", "customer_collaborator",
            "rep_book", "assignment_turn", "assignment_rule", "assignment_policy_version", "transfer_batch_item",
            "transfer_batch", "pool_policy", "grading_policy", "product_cost", "product_catalog", "pricing_rule", "pricing_policy_version",
            "credit_receivable", "credit_account", "customer_opportunity", "expert_book", "ticket_load", "service_policy",
            "knowledge_article", "customer_reminder", "customer_follow_up", "reminder_policy", "customer_delivery");
    private static final int BATCH = 500;
    /** The key of the PostgreSQL advisory lock one instance holds while it checks the lookups. */
    private static final int REBUILD_ATTEMPTS = 5;
    private static final long CHECK_LOCK = 0x4c4f4f4b555053L; // "LOOKUPS"

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
    private final org.springframework.beans.factory.ObjectProvider<PoolProcessBackfill> poolProcesses;
    private final boolean enabled;
    private final Duration settle;
    private volatile Result last = new Result(0, List.of(), false, null);
    private volatile Boolean postgres;

    public LookupVerification(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStore eventStore,
                              EventProcessingConfiguration processing, EventPositions positions, Clock clock,
                              org.springframework.beans.factory.ObjectProvider<PoolProcessBackfill> poolProcesses,
                              @Value("${ledger.lookups.verify-appends:${axon.axonserver.enabled:false}}") boolean enabled,
                              @Value("${ledger.lookups.settle:${ledger.commands.timeout:10s}}") Duration settle) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.eventStore = eventStore;
        this.processing = processing;
        this.positions = positions;
        this.clock = clock;
        this.poolProcesses = poolProcesses;
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
        completeEarlierLayout();
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

    /**
     * Checks the stored events after the watermark against the receipts, and the settled receipts
     * against the stored events; rebuilds the lookups when they disagree.
     */
    public Result verify() {
        if (!isPostgres()) {
            return check();
        }
        // several command instances share the lookups: one checks at a time (another one's check would find the
        // receipts this one drops missing), the others skip this round
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Result>) connection -> {
            try (java.sql.Statement statement = connection.createStatement();
                 java.sql.ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + CHECK_LOCK + ")")) {
                if (!locked.next() || !locked.getBoolean(1)) {
                    log.debug("command lookups: another instance is checking them");
                    return last;
                }
            }
            try {
                return check();
            } finally {
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + CHECK_LOCK + ")");
                }
            }
        });
    }

    /** Whether the lookups are in PostgreSQL (shared by several command instances) rather than SQLite. */
    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>)
                    connection -> connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private Result check() {
        long settledBefore = clock.millis() - settle.toMillis();
        long head = positions.of(eventStore.createHeadToken());
        List<Long> marks = jdbc.queryForList("SELECT position FROM lookup_watermark WHERE id = 1", Long.class);
        if (marks.isEmpty()) {
            // switched on now: the events before have no receipts, and were applied with the events (or checked before)
            jdbc.update("INSERT INTO lookup_watermark (id, position) VALUES (1, ?)", head);
            jdbc.update("DELETE FROM lookup_receipt");
            return remember(new Result(0, List.of(), false, null));
        }
        long watermark = marks.get(0);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        long settledUpTo = watermark;
        boolean settling = true;
        if (head > watermark) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(positions.after(watermark))) {
                while (stream.hasNextAvailable(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    long position = positions.of(event.trackingToken().position()).orElse(Long.MAX_VALUE);
                    if (event instanceof DomainEventMessage<?> && event.getTimestamp().toEpochMilli() < settledBefore) {
                        checked++;
                        if (jdbc.update("DELETE FROM lookup_receipt WHERE event_id = ?", event.getIdentifier()) == 0) {
                            missing.add(event.getIdentifier());
                        }
                    } else if (event instanceof DomainEventMessage<?>) {
                        settling = false;
                    }
                    if (settling) {
                        settledUpTo = position;
                    }
                    if (position >= head) {
                        break;
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying the lookups", interrupted);
            }
        }
        // receipts of events that were never stored (all stored settled ones have been dropped above)
        List<String> phantoms = jdbc.queryForList(
                "SELECT event_id FROM lookup_receipt WHERE recorded_at < ? ORDER BY recorded_at LIMIT " + BATCH,
                String.class, settledBefore);
        phantoms = phantoms.stream().filter(id -> !isStoredById(id)).toList();
        missing.addAll(phantoms);
        if (missing.isEmpty()) {
            jdbc.update("UPDATE lookup_watermark SET position = ? WHERE id = 1", settledUpTo);
            return remember(new Result(checked, List.of(), false, null));
        }
        return remember(rebuild(checked, missing, head));
    }

    private Result remember(Result result) {
        last = result;
        return result;
    }

    /** Whether the receipt {@code eventId} names a stored event (by its aggregate and sequence). */
    private boolean isStoredById(String eventId) {
        List<Receipt> receipts = jdbc.query("SELECT event_id, aggregate_id, sequence_number, recorded_at FROM lookup_receipt "
                + "WHERE event_id = ?", (rs, i) -> new Receipt(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                eventId);
        return !receipts.isEmpty() && isStored(receipts.get(0));
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

    private Result rebuild(int checked, List<String> missing, long head) {
        log.warn("command lookups: {} event(s) whose lookups and storage disagree ({}); rebuilding the lookups from the stored events",
                missing.size(), missing.size() > 5 ? missing.subList(0, 5) + " …" : missing);
        try {
            rebuildFromEvents(head);
            // the pool process's state committed (or not) with the lookups: a customer without one gets it back
            poolProcesses.ifAvailable(PoolProcessBackfill::backfill);
            return new Result(checked, List.copyOf(missing), true, null);
        } catch (RuntimeException refused) {
            log.error("command lookups: the rebuild from the stored events failed and was rolled back; the lookups keep "
                    + "rows that disagree with the stored events ({}) until this is resolved", missing, refused);
            return new Result(checked, List.copyOf(missing), false, String.valueOf(refused.getMessage()));
        }
    }

    /**
     * Every lookup table emptied and refilled from the stored events, in one transaction. On PostgreSQL
     * its table locks can meet other instances' commands in a deadlock, or its reads their writes in a
     * serialization failure; PostgreSQL then rolls one of them back, and a rolled-back rebuild is run
     * again (a few times, briefly apart): the commands it lost to are retried by their own instances.
     */
    private void rebuildFromEvents(long head) {
        for (int attempt = 1; ; attempt++) {
            try {
                rebuildOnce(head);
                return;
            } catch (org.springframework.dao.DataAccessException lost) {
                if (attempt >= REBUILD_ATTEMPTS || !isLostRace(lost)) {
                    throw lost;
                }
                log.warn("command lookups: the rebuild lost a race with other writers ({}); running it again", lost.getMostSpecificCause().getMessage());
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw lost;
                }
            }
        }
    }

    /** A deadlock (40P01) or serialization failure (40001) in {@code failure}'s causes. */
    private static boolean isLostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private void rebuildOnce(long head) {
        long replayed = transaction.execute(status -> {
            if (isPostgres()) {
                // other command instances go on writing: none may change a lookup while it is rebuilt; reads go on
                jdbc.execute("LOCK TABLE " + String.join(", ", LOOKUP_TABLES) + ", lookup_receipt, lookup_watermark IN EXCLUSIVE MODE");
            }
            LOOKUP_TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
            jdbc.update("DELETE FROM lookup_receipt");
            long count = replay();
            // every row now comes from a stored event: nothing left to verify up to the head
            jdbc.update("DELETE FROM lookup_receipt");
            jdbc.update("UPDATE lookup_watermark SET position = ? WHERE id = 1", head);
            return count;
        });
        log.warn("command lookups: rebuilt from {} stored events", replayed);
    }

    /**
     * Lookups written by a version that kept no {@code customer_facts} (what the assignment preview
     * streams) have customers without them: the tables are rebuilt from the stored events once, at
     * start, before any preview reads them. A failure here stops the start, as the lookups would be
     * incomplete.
     */
    private void completeEarlierLayout() {
        boolean lacking = !jdbc.queryForList("SELECT customer_id FROM customer_owner WHERE customer_id NOT IN "
                + "(SELECT customer_id FROM customer_facts) LIMIT 1", String.class).isEmpty();
        if (lacking) {
            log.warn("command lookups: written by an earlier version without the customers' assignment facts; "
                    + "rebuilding them from the stored events once");
            rebuildFromEvents(positions.of(eventStore.createHeadToken()));
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
