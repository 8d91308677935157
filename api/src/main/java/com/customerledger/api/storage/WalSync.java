package com.customerledger.api.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the SQLite event store: makes each committed write transaction durable before its
 * command is answered, with one fdatasync of the write-ahead log for all the commits waiting at once.
 *
 * <p>The store runs in WAL mode with {@code synchronous=NORMAL}: a commit appends its pages to the
 * {@code -wal} file with write() and returns without a sync. A writer takes a ticket right after its
 * commit returns (still holding the writer lock, so tickets follow commit order) and then waits here.
 * One waiter at a time forces the {@code -wal} file; the force covers every commit whose ticket was
 * handed out before it began, and all of those return together. A commit arriving during a force
 * waits for the next one, which then covers everything that queued up meanwhile.
 *
 * <p>Why forcing the WAL suffices, checkpoints included (SQLite's documentation of
 * {@code PRAGMA synchronous}, and its forum on making NORMAL-mode commits durable by flushing the
 * WAL): a commit is on stable storage once the WAL frames holding it are. With NORMAL, SQLite syncs
 * the WAL before every checkpoint, syncs the database file after it, and syncs the WAL header before
 * the log is reused from its start; so a commit whose frames a checkpoint copied, or that a reset
 * log is about to overwrite, was synced by SQLite itself, and any later commit sits in the live WAL
 * that the next force here flushes. fdatasync acts on the file, not on the descriptor, so this
 * class's own channel flushes what SQLite's connections wrote. The log is deleted only when the last
 * connection closes, after a full checkpoint; if the file was replaced meanwhile the channel is
 * reopened, and the directory synced once so that the new log's entry survives too.
 */
public final class WalSync {

    private final Path wal;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition synced = mutex.newCondition();
    /** The ticket of the newest commit. */
    private long committed;
    /** Every commit with a ticket up to this one is on stable storage. */
    private long durable;
    private boolean syncing;
    private long syncs;
    private FileChannel channel;
    private Object channelFile;

    /** @param database the SQLite database file; its write-ahead log is {@code <database>-wal} */
    public WalSync(Path database) {
        this.wal = database.resolveSibling(database.getFileName() + "-wal");
    }

    /**
     * Records a commit that has just returned; call it while still holding the writer lock.
     *
     * @return the ticket to wait for with {@link #awaitDurable(long)}
     */
    public long committed() {
        mutex.lock();
        try {
            return ++committed;
        } finally {
            mutex.unlock();
        }
    }

    /** Returns once the commit with {@code ticket} is on stable storage, syncing the WAL if no one else is. */
    public void awaitDurable(long ticket) {
        mutex.lock();
        try {
            while (durable < ticket) {
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long covered = committed;
                boolean done = false;
                mutex.unlock();
                try {
                    force();
                    done = true;
                } finally {
                    mutex.lock();
                    syncing = false;
                    if (done) {
                        durable = Math.max(durable, covered);
                        syncs++;
                    }
                    synced.signalAll();
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    /** How many fdatasyncs of the WAL group commit has done. */
    public long syncs() {
        mutex.lock();
        try {
            return syncs;
        } finally {
            mutex.unlock();
        }
    }

    /** How many commits have taken a ticket. */
    public long commits() {
        mutex.lock();
        try {
            return committed;
        } finally {
            mutex.unlock();
        }
    }

    /** The newest ticket known to be on stable storage: every commit up to it is durable. */
    public long durableThrough() {
        mutex.lock();
        try {
            return durable;
        } finally {
            mutex.unlock();
        }
    }

    /** Only the leader of a group calls this, so the channel needs no lock of its own. */
    private void force() {
        try {
            Object file = Files.readAttributes(wal, BasicFileAttributes.class).fileKey();
            if (channel == null || !channel.isOpen() || file == null || !file.equals(channelFile)) {
                if (channel != null) {
                    channel.close();
                }
                channel = FileChannel.open(wal, StandardOpenOption.WRITE);
                channelFile = file;
                channel.force(false);
                // a log SQLite has just created must also be found after a power cut: sync its directory entry
                syncDirectory(wal.getParent());
            } else {
                channel.force(false);
            }
        } catch (NoSuchFileException gone) {
            // no log: the last connection closed, and SQLite checkpointed and synced it into the database file
        } catch (IOException e) {
            throw new UncheckedIOException("could not sync the event store's write-ahead log " + wal, e);
        }
    }

    /** Makes the entries of {@code directory} (a file created or renamed in it) durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Closes the channel; the store's connections are closed by then. */
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
