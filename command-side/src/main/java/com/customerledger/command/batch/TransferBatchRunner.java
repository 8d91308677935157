package com.customerledger.command.batch;

import com.customerledger.command.Actor;
import com.customerledger.command.CommandLookups;
import com.customerledger.command.PollingWorker;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.customer.Customer;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.ReassignByRulesCommand;
import com.customerledger.command.customer.RemoveCollaboratorCommand;
import com.customerledger.command.customer.TransferCustomerCommand;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.TransferBatchCompletedEvent;
import com.customerledger.events.TransferBatchItemNotMovedEvent;
import com.customerledger.events.TransferBatchItemNotMovedEvent.Kind;
import com.customerledger.events.TransferBatchItemNotMovedEvent.Outcome;
import com.customerledger.events.TransferBatchStarted;
import com.customerledger.events.TransferReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Works through departures and bulk transfers. A batch's items are written, in the transaction that
 * starts the batch, to the command side's database; a worker sends one command per pending item.
 * An item is marked done by the same transaction that stores its move (the move names the batch),
 * so after a crash or restart the worker resumes with what is still pending and moves nothing twice.
 * Refused moves are settled with a {@link TransferBatchItemNotMovedEvent} saying why.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class TransferBatchRunner extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(TransferBatchRunner.class);
    private static final int CHUNK = 200;

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final EventGateway events;
    private final TransactionManager transactions;

    public TransferBatchRunner(JdbcTemplate jdbc, CommandGateway commands, EventGateway events,
                               TransactionManager transactions, @Value("${ledger.batches.idle-poll}") Duration idlePoll) {
        super("transfer-batch-runner", "transfer batch worker", idlePoll);
        this.jdbc = jdbc;
        this.commands = commands;
        this.events = events;
        this.transactions = transactions;
    }

    private record Batch(String batchId, String fromRepId, String toRepId, boolean byRules, TransferReason reason,
                         Instant effectiveAt, String note, String startedBy) {

        Actor actor() {
            // the batch acts for the manager who started it; their authority was checked then
            return new Actor(startedBy, null, Set.of(Role.MANAGER));
        }
    }

    private record Item(int seq, String customerId, Kind kind) {
    }

    @EventHandler
    void on(TransferBatchStarted started) {
        jdbc.update("INSERT INTO transfer_batch (batch_id, from_rep_id, to_rep_id, by_rules, reason, effective_at, note, "
                        + "started_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING')", started.batchId(),
                started.fromRepId(), started.toRepId(), started.byRules(), started.reason().name(),
                started.effectiveAt() == null ? null : started.effectiveAt().toString(), started.note(), started.startedBy());
        int seq = 0;
        for (String customerId : started.customerIds()) {
            insertItem(started.batchId(), seq++, customerId, Kind.OWNED);
        }
        for (String customerId : started.collaborations()) {
            insertItem(started.batchId(), seq++, customerId, Kind.COLLABORATION);
        }
    }

    private void insertItem(String batchId, int seq, String customerId, Kind kind) {
        jdbc.update("INSERT INTO transfer_batch_item (batch_id, seq, customer_id, kind, status) VALUES (?, ?, ?, ?, 'PENDING')",
                batchId, seq, customerId, kind.name());
    }

    @EventHandler
    void on(OwnershipChange change) {
        if (change.batchId() != null) {
            settle(change.batchId(), change.customerId(), Kind.OWNED, change.newOwnerRepId() == null ? "UNASSIGNED" : "DONE",
                    null);
        }
    }

    @EventHandler
    void on(CollaboratorRemovedEvent event) {
        if (event.batchId() != null) {
            settle(event.batchId(), event.customerId(), Kind.COLLABORATION, "DONE", null);
        }
    }

    @EventHandler
    void on(TransferBatchItemNotMovedEvent event) {
        settle(event.batchId(), event.customerId(), event.kind(), event.outcome().name(), event.code() + ": " + event.detail());
    }

    @EventHandler
    void on(TransferBatchCompletedEvent event) {
        jdbc.update("UPDATE transfer_batch SET status = 'COMPLETED' WHERE batch_id = ?", event.batchId());
    }

    private void settle(String batchId, String customerId, Kind kind, String status, String detail) {
        jdbc.update("UPDATE transfer_batch_item SET status = ?, detail = ? WHERE batch_id = ? AND customer_id = ? "
                + "AND kind = ? AND status = 'PENDING'", status, detail, batchId, customerId, kind.name());
    }

    /** Works through every running batch until none has pending items; returns whether it did anything. */
    @Override
    protected boolean runOnce() {
        List<Batch> active = jdbc.query("SELECT batch_id, from_rep_id, to_rep_id, by_rules, reason, effective_at, note, "
                + "started_by FROM transfer_batch WHERE status = 'RUNNING' ORDER BY batch_id", (rs, i) -> new Batch(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), TransferReason.valueOf(rs.getString(5)),
                rs.getString(6) == null ? null : Instant.parse(rs.getString(6)), rs.getString(7), rs.getString(8)));
        for (Batch batch : active) {
            List<Item> pending = jdbc.query("SELECT seq, customer_id, kind FROM transfer_batch_item WHERE batch_id = ? "
                            + "AND status = 'PENDING' ORDER BY seq LIMIT " + CHUNK,
                    (rs, i) -> new Item(rs.getInt(1), rs.getString(2), Kind.valueOf(rs.getString(3))), batch.batchId());
            if (pending.isEmpty()) {
                complete(batch);
            }
            for (Item item : pending) {
                if (!running()) {
                    return true;
                }
                process(batch, item);
            }
        }
        return !active.isEmpty();
    }

    private void process(Batch batch, Item item) {
        CustomerId customer = new CustomerId(item.customerId());
        Object command = switch (item.kind()) {
            case COLLABORATION -> new RemoveCollaboratorCommand(customer, batch.fromRepId(), batch.batchId(), batch.actor());
            case OWNED -> batch.byRules()
                    ? new ReassignByRulesCommand(customer, batch.fromRepId(), batch.reason(), batch.effectiveAt(),
                    batch.batchId(), batch.actor())
                    : new TransferCustomerCommand(customer, batch.toRepId(), batch.reason(), batch.effectiveAt(),
                    batch.fromRepId(), batch.note(), batch.batchId(), batch.actor());
        };
        try {
            Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of("userId", batch.startedBy(), "traceId", batch.batchId())));
            if (Boolean.FALSE.equals(result)) {
                notMoved(batch, item, Outcome.UNCHANGED, "NO_ROLE", "rep " + batch.fromRepId() + " no longer collaborates");
            } else if (result == Customer.Reassignment.UNCHANGED) {
                notMoved(batch, item, Outcome.UNCHANGED, "SAME_OWNER", "the rules chose the current owner");
            }
        } catch (RejectedException refused) {
            notMoved(batch, item, Outcome.FAILED, refused.code().name(), refused.getMessage());
        } catch (AggregateNotFoundException unknown) {
            notMoved(batch, item, Outcome.FAILED, "NOT_FOUND", "no such customer");
        } catch (CommandExecutionException refused) {
            notMoved(batch, item, Outcome.FAILED, "REFUSED", refused.getMessage());
        }
    }

    private void notMoved(Batch batch, Item item, Outcome outcome, String code, String detail) {
        publishInTransaction(new TransferBatchItemNotMovedEvent(batch.batchId(), item.customerId(), item.kind(), outcome,
                code, detail));
    }

    private void complete(Batch batch) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM transfer_batch_item WHERE batch_id = ? GROUP BY status",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, batch.batchId());
        publishInTransaction(new TransferBatchCompletedEvent(batch.batchId(), counts.getOrDefault("DONE", 0),
                counts.getOrDefault("UNASSIGNED", 0), counts.getOrDefault("UNCHANGED", 0), counts.getOrDefault("FAILED", 0)));
        log.info("transfer batch {} completed: {}", batch.batchId(), counts);
    }

    /** The event and the bookkeeping it causes commit together, so a crash cannot settle an item twice. */
    private void publishInTransaction(Object event) {
        transactions.executeInTransaction(() -> events.publish(event));
    }
}
