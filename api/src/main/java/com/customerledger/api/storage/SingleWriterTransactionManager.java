package com.customerledger.api.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Spring's JDBC transaction manager for the SQLite event store, which has one writer at a time.
 *
 * <p>Every transaction first takes a fair lock in the JVM, then begins on its connection with
 * {@code BEGIN IMMEDIATE} (the driver's transaction mode), so it holds SQLite's write lock from its
 * first statement to its end. Transactions therefore run strictly one after the other in arrival
 * order: a plain read inside one stays true until it commits, and positions are handed out in commit
 * order. Without the JVM lock, writers would meet SQLite's own busy-wait, which retries by sleeping
 * and starves some of them for seconds. Reads outside a transaction do not take the lock: in WAL mode
 * they run beside the writer on a snapshot.
 *
 * <p>With group commit, a commit takes a {@link WalSync} ticket before the lock is released and, once
 * the connection is back in the pool and the next writer may start, waits for an fdatasync covering
 * it; only then does {@code commit} return, and with it the command.
 *
 * <p>Transactions begin explicitly and end with the connection back in auto-commit mode, so an idle
 * pooled connection never holds the write lock (the driver begins anew right after each commit while
 * auto-commit is off). A second, nested new transaction in the same thread would wait on SQLite's
 * lock held by the first; the ledger opens none.
 */
public final class SingleWriterTransactionManager extends JdbcTransactionManager {

    private final transient ReentrantLock writer = new ReentrantLock(true);
    private final transient WalSync walSync;
    private final transient ThreadLocal<Long> unsynced = new ThreadLocal<>();
    private final Duration lockTimeout;

    /**
     * @param walSync     group commit; {@code null} when SQLite syncs each commit itself
     * @param lockTimeout how long a transaction waits for the writer before failing
     */
    public SingleWriterTransactionManager(DataSource dataSource, WalSync walSync, Duration lockTimeout) {
        super(dataSource);
        this.walSync = walSync;
        this.lockTimeout = lockTimeout;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        try {
            if (!writer.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotCreateTransactionException("the event store's writer was busy for " + lockTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotCreateTransactionException("interrupted while waiting for the event store's writer", e);
        }
        try {
            super.doBegin(transaction, definition);
        } catch (RuntimeException | Error e) {
            writer.unlock();
            throw e;
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        super.doCommit(status);
        if (walSync != null) {
            unsynced.set(walSync.committed());
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        try {
            super.doCleanupAfterCompletion(transaction);
        } finally {
            writer.unlock();
        }
        Long ticket = unsynced.get();
        if (ticket != null) {
            unsynced.remove();
            walSync.awaitDurable(ticket);
        }
    }

    /** Whether the calling thread is inside a write transaction (for checks and tests). */
    public boolean holdsWriter() {
        return writer.isHeldByCurrentThread();
    }
}
