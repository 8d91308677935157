package com.customerledger.api.storage;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A db-scheduler task (an Axon deadline: a pool reminder or release) whose execution is run again at
 * once when its transaction lost a race on the command side's PostgreSQL, as
 * {@link ContentionRetryingCommandBus} does for commands. Each execution is a unit of work and a
 * transaction of its own (the deadline's saga and the command it sends), so running it again is running
 * it for the first time. Without this a lost race would wait for db-scheduler's retry in five minutes.
 * A deadline that cancels one another thread is running at that moment has lost a race too: the
 * other is usually a deadline of the same process (a reminder and a release due together after a long
 * stop) that waits for this one's lock on the process, so this one is run again, for as long as
 * {@link #EXECUTING_WAIT}, until the other has run; however loaded the machine, it does not take
 * db-scheduler's retry five minutes later.
 */
public final class ContentionRetryingTask<T> implements Task<T> {

    private static final Logger log = LoggerFactory.getLogger(ContentionRetryingTask.class);
    static final String OTHER_EXECUTING = "the other deadline was executing";
    /** How long a deadline is run again while another it cancels is running. */
    static final Duration EXECUTING_WAIT = Duration.ofSeconds(30);

    private final Task<T> task;
    private final int attempts;

    public ContentionRetryingTask(Task<T> task, int attempts) {
        this.task = task;
        this.attempts = attempts;
    }

    @Override
    public CompletionHandler<T> execute(TaskInstance<T> instance, ExecutionContext context) {
        long waitUntil = System.nanoTime() + EXECUTING_WAIT.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return task.execute(instance, context);
            } catch (RuntimeException failed) {
                String race = raceLost(failed);
                boolean waiting = OTHER_EXECUTING.equals(race);
                if (race == null || (waiting ? System.nanoTime() >= waitUntil : attempt >= attempts)) {
                    throw failed;
                }
                log.debug("{}: lost a race ({}), attempt {} of {}", instance, race, attempt, attempts);
                ContentionRetryingCommandBus.pause(attempt);
            }
        }
    }

    /**
     * What race {@code failure} lost, or {@code null}: a transaction's (its SQLState), or a deadline
     * the pool process cancels or moves while another scheduler thread, here or on another instance,
     * is running it (both of a customer's deadlines due at once, after a long stop).
     */
    static String raceLost(Throwable failure) {
        String state = ContentionRetryingCommandBus.raceLost(failure);
        if (state != null) {
            return "SQLState " + state;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TaskInstanceCurrentlyExecutingException) {
                return OTHER_EXECUTING;
            }
        }
        return null;
    }

    @Override
    public String getName() {
        return task.getName();
    }

    @Override
    public Class<T> getDataClass() {
        return task.getDataClass();
    }

    @Override
    public TaskInstance<T> instance(String id) {
        return task.instance(id);
    }

    @Override
    public TaskInstance<T> instance(String id, T data) {
        return task.instance(id, data);
    }

    @Override
    public TaskInstance.Builder<T> instanceBuilder(String id) {
        return task.instanceBuilder(id);
    }

    @Override
    public SchedulableInstance<T> schedulableInstance(String id) {
        return task.schedulableInstance(id);
    }

    @Override
    public SchedulableInstance<T> schedulableInstance(String id, T data) {
        return task.schedulableInstance(id, data);
    }

    @Override
    public FailureHandler<T> getFailureHandler() {
        return task.getFailureHandler();
    }

    @Override
    public DeadExecutionHandler<T> getDeadExecutionHandler() {
        return task.getDeadExecutionHandler();
    }

    @Override
    public int getDefaultPriority() {
        return task.getDefaultPriority();
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
