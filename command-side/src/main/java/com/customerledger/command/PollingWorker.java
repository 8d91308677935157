package com.customerledger.command;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background worker on a thread of its own that runs rounds of work: another at once after a round that did
 * something, else after {@code idlePoll} (or when {@linkplain #nudge() nudged}), and after ten idle polls when a
 * round failed unexpectedly (e.g. a store briefly unavailable). It starts after Axon's buses and processors and
 * stops before them.
 *
 * <p>It is stopped by a flag, never by interrupting it: an interrupt during the embedded database's file I/O
 * closes its file channel. A round that checks {@link #running()} between items finishes the item in hand and
 * leaves the rest for the next start.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final String description;
    private final Duration idlePoll;
    private final Object idle = new Object();
    private volatile boolean running;
    private volatile Thread worker;
    private WorkerLeases leases;

    protected PollingWorker(String threadName, String description, Duration idlePoll) {
        this.threadName = threadName;
        this.description = description;
        this.idlePoll = idlePoll;
    }

    /** One round of work; returns whether there was any. */
    protected abstract boolean runOnce();

    /** What to note when a round failed unexpectedly, before the worker waits and retries; nothing by default. */
    protected void failed(RuntimeException unexpected) {
    }

    /**
     * Whether only one instance at a time may run this worker when several share the command side's
     * database ({@link WorkerLeases}); yes, unless a worker's work belongs to the instance itself.
     */
    protected boolean oneInstanceAtATime() {
        return true;
    }

    /** Set by Spring where several command instances share one database. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public final void useLeases(WorkerLeases leases) {
        this.leases = leases;
    }

    /** Whether the worker should go on; a round checks it between items. */
    protected final boolean running() {
        return running;
    }

    /** Wakes the worker for work just created. */
    public final void nudge() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    private void work() {
        while (running) {
            try {
                if (leases != null && oneInstanceAtATime() && !leases.holds(threadName)) {
                    // another instance runs it: ask again a poll later (at least a second), to take over when it is gone
                    pause(idlePoll.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : idlePoll);
                } else if (!runOnce()) {
                    pause(idlePoll);
                }
            } catch (RuntimeException unexpected) {
                log.warn("{} will retry: {}", description, unexpected.toString());
                failed(unexpected);
                pause(idlePoll.multipliedBy(10));
            }
        }
    }

    private void pause(Duration duration) {
        synchronized (idle) {
            try {
                if (running) {
                    idle.wait(duration.toMillis());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::work, threadName);
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        synchronized (idle) {
            running = false;
            idle.notifyAll();
        }
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after Axon has started its buses and processors; stop before it stops them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
