package com.customerledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a deadline's execution is run again at once, and when it is left to db-scheduler's failure handling. */
class ContentionRetryingTaskTest {

    private final AtomicInteger runs = new AtomicInteger();

    /** A task that fails with {@code failure} on its first {@code failing} runs, then succeeds. */
    private ContentionRetryingTask<Void> failingFirst(int failing, RuntimeException failure, int attempts) {
        OneTimeTask<Void> task = Tasks.oneTime("deadline").execute((instance, context) -> {
            if (runs.incrementAndGet() <= failing) {
                throw failure;
            }
        });
        return new ContentionRetryingTask<>(task, attempts);
    }

    @Test
    void aDeadlineWaitingForAnotherOfItsProcessToFinishRunsAgainBeyondTheAttemptsOfATransactionRace() {
        RuntimeException otherRunning = new IllegalStateException("Failed to process",
                new TaskInstanceCurrentlyExecutingException("AxonDeadline", "reminder-1"));
        ContentionRetryingTask<Void> task = failingFirst(12, otherRunning, 3);

        task.execute(task.instance("release-1"), null);

        assertThat(runs).hasValue(13);
    }

    @Test
    void aLostTransactionRaceRunsAgainAtMostTheConfiguredAttempts() {
        RuntimeException serialization = new IllegalStateException(new SQLException("could not serialize access", "40001"));
        ContentionRetryingTask<Void> task = failingFirst(5, serialization, 3);

        assertThatThrownBy(() -> task.execute(task.instance("release-1"), null)).isSameAs(serialization);
        assertThat(runs).hasValue(3);

        runs.set(0);
        ContentionRetryingTask<Void> patient = failingFirst(2, serialization, 3);
        patient.execute(patient.instance("release-2"), null);
        assertThat(runs).hasValue(3);
    }

    @Test
    void anyOtherFailureIsLeftToTheScheduler() {
        RuntimeException broken = new IllegalArgumentException("not a race");
        ContentionRetryingTask<Void> task = failingFirst(1, broken, 10);

        assertThatThrownBy(() -> task.execute(task.instance("release-1"), null)).isSameAs(broken);
        assertThat(runs).hasValue(1);
    }
}
