package com.customerledger.api.storage;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's command bus of this instance (its local segment under Axon Server), for a command side on
 * PostgreSQL: a command whose transaction lost a race with another transaction, on this instance or
 * another (a serialization failure, SQLState 40001; a deadlock, 40P01; a unique key a concurrent
 * transaction committed first, 23505), is handled again from the start in a new unit of work and a new
 * transaction: the aggregate is loaded anew and the set-based checks read what the winner committed,
 * so the loser is answered what it would have been answered one moment later (a 撞单 409 with the
 * existing customer, a refused claim). After {@code attempts} tries it is answered with a
 * {@link StoreContentionException} (503 with Retry-After).
 *
 * <p>With Axon Server the events are appended in the unit of work's commit, before the database
 * transaction commits (docs/production.md). A failure of that database commit leaves the events stored
 * without their lookups: such a command is not handled again (its events would be appended twice), it is
 * answered 503 and the lookup verification rebuilds the lookups from the stored events.
 */
public final class ContentionRetryingCommandBus extends SimpleCommandBus {

    /** SQLStates of a transaction that lost a race and may succeed if run again. */
    static final Set<String> RACE_LOST = Set.of("40001", "40P01", "23505");
    private static final int MAX_DEPTH = 32;
    private static final long MAX_PAUSE_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(ContentionRetryingCommandBus.class);
    /** Set while a command is handled by this bus on this thread: whether its unit of work began to commit. */
    private static final ThreadLocal<boolean[]> COMMITTING = new ThreadLocal<>();

    private final int attempts;
    private final boolean separateEventStore;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong exhausted = new AtomicLong();

    /**
     * @param attempts           how many times a command is handled at most
     * @param separateEventStore whether events are appended outside the database transaction (Axon Server)
     */
    public ContentionRetryingCommandBus(Builder builder, int attempts, boolean separateEventStore) {
        super(builder);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.separateEventStore = separateEventStore;
        // registered after the bus began the database transaction and before anything is appended: in the commit
        // phase (handlers in reverse order) it runs after Axon Server's append and before the database commit
        registerHandlerInterceptor((unitOfWork, chain) -> {
            boolean[] committing = COMMITTING.get();
            if (committing != null) {
                unitOfWork.onCommit(u -> committing[0] = true);
            }
            return chain.proceed();
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected <C, R> void handle(CommandMessage<C> command, MessageHandler<? super CommandMessage<?>> handler,
                                 CommandCallback<? super C, ? super R> callback) {
        if (CurrentUnitOfWork.isStarted() || TransactionSynchronizationManager.isActualTransactionActive()) {
            // sent from inside another unit of work (a deadline's saga): it joins that one's transaction, which a lost
            // race has spoilt; the outer work is what runs again (ContentionRetryingTask)
            super.handle(command, handler, callback);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            AtomicReference<CommandResultMessage<?>> answer = new AtomicReference<>();
            boolean[] committing = {false};
            COMMITTING.set(committing);
            try {
                super.handle(command, handler, (CommandCallback) (message, result) -> answer.set((CommandResultMessage<?>) result));
            } finally {
                COMMITTING.remove();
            }
            CommandResultMessage<?> result = answer.get();
            Throwable failure = result == null || !result.isExceptional() ? null : result.exceptionResult();
            String state = failure == null ? null : raceLost(failure);
            if (state == null) {
                ((CommandCallback) callback).onResult(command, result);
                return;
            }
            if (separateEventStore && committing[0]) {
                exhausted.incrementAndGet();
                log.warn("{}: the database commit failed (SQLState {}) after its events were appended to Axon Server; "
                        + "the lookup verification rebuilds the lookups from the stored events", command.getCommandName(), state);
                ((CommandCallback) callback).onResult(command, GenericCommandResultMessage.asCommandResultMessage(
                        new StoreContentionException("the command's events were stored, but the command side's lookups "
                                + "could not be committed with them (SQLState " + state + "); they are rebuilt from the events", failure)));
                return;
            }
            if (attempt >= attempts) {
                exhausted.incrementAndGet();
                log.warn("{}: lost {} races with concurrent transactions (last SQLState {}); answered as busy",
                        command.getCommandName(), attempt, state);
                ((CommandCallback) callback).onResult(command, GenericCommandResultMessage.asCommandResultMessage(
                        new StoreContentionException("the command lost " + attempt + " races with concurrent writes to the same "
                                + "records and was not stored (SQLState " + state + ")", failure)));
                return;
            }
            retries.incrementAndGet();
            log.debug("{}: transaction lost a race (SQLState {}), attempt {} of {}", command.getCommandName(), state, attempt, attempts);
            pause(attempt);
        }
    }

    /** The SQLState of the lost race in {@code failure}'s causes, or {@code null} when it is another failure. */
    static String raceLost(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof SQLException sql) {
                SQLException next = sql;
                for (int i = 0; next != null && i < MAX_DEPTH; i++, next = next.getNextException()) {
                    if (next.getSQLState() != null && RACE_LOST.contains(next.getSQLState())) {
                        return next.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    /**
     * A random pause whose range doubles with each attempt (5, 10, 20 … ms, at most 500), so the racers
     * spread out instead of meeting again at once.
     */
    static void pause(int attempt) {
        long range = Math.min(MAX_PAUSE_MILLIS, 5L << Math.min(attempt - 1, 16));
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextLong(range));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commands handled again after a lost race, since start. */
    public long retries() {
        return retries.get();
    }

    /** Commands answered {@link StoreContentionException}, since start. */
    public long exhausted() {
        return exhausted.get();
    }
}
