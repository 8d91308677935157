package com.customerledger.api.imports;

import com.customerledger.api.imports.ImportJobs.Item;
import com.customerledger.api.imports.ImportJobs.Progress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The rows of an import between being read and being recorded: at most {@code size} of them, in
 * sheet order, each either settled at once (a row with a problem, a dry run's check) or sent to be
 * registered on the {@code executor} while the next rows are read. Used by one thread, the import
 * worker; only the rows' work runs elsewhere.
 *
 * <ul>
 *   <li>Outcomes are handed to the recorder strictly in row order, and only the finished rows at the
 *       head: the job's resume point (the row after the last one recorded) never passes a row whose
 *       work has not finished, whatever order the sends finish in.</li>
 *   <li>A row is sent only when no unfinished earlier row holds one of its guards (its identity
 *       keys): of two rows of the sheet that are the same customer, the earlier one's registration has
 *       finished before the later one is sent, so the 撞单 guard refuses the later one, as if the rows
 *       had been sent one after the other.</li>
 *   <li>A row sent {@linkplain #send alone} (one whose outcome depends on every registration before
 *       it, such as a rotation turn) waits until every earlier row has finished, and no row is sent
 *       while it is unfinished.</li>
 * </ul>
 */
final class RowWindow {

    /** What one row came to: its counters and reported items. */
    record Outcome(Progress progress, List<Item> items) {

        static Outcome imported() {
            return new Outcome(new Progress(1, 1, 0, 0), List.of());
        }

        static Outcome duplicate(Item item) {
            return new Outcome(new Progress(1, 0, 1, 0), List.of(item));
        }

        static Outcome error(List<Item> items) {
            return new Outcome(new Progress(1, 0, 0, 1), List.copyOf(items));
        }
    }

    /** The work of a row failed unexpectedly (neither done nor refused): the rows from it on are not recorded. */
    static final class RowFailedException extends RuntimeException {

        private final int row;

        RowFailedException(int row, RuntimeException cause) {
            super("row " + row + ": " + cause, cause);
            this.row = row;
        }

        int row() {
            return row;
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    private static final class Slot {
        final int row;
        final Set<String> guards;
        final String owner;
        final CompletableFuture<Outcome> outcome;

        Slot(int row, Set<String> guards, String owner, CompletableFuture<Outcome> outcome) {
            this.row = row;
            this.guards = guards;
            this.owner = owner;
            this.outcome = outcome;
        }

        boolean unfinished() {
            return !outcome.isDone();
        }
    }

    private final int size;
    private final Executor executor;
    private final BiConsumer<Integer, Outcome> recorder;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    /** Guard → the latest row sent that holds it (finished or not). */
    private final Map<String, Slot> holders = new HashMap<>();
    private Slot alone;

    /**
     * @param size     the most rows between read and recorded (and so the most in flight)
     * @param executor where the rows' work runs
     * @param recorder takes each finished row's number and outcome, in row order
     */
    RowWindow(int size, Executor executor, BiConsumer<Integer, Outcome> recorder) {
        if (size < 1) {
            throw new IllegalArgumentException("a window holds at least one row");
        }
        this.size = size;
        this.executor = executor;
        this.recorder = recorder;
    }

    /** A row whose outcome is known without sending anything. */
    void settled(int row, Outcome outcome) {
        makeRoom();
        slots.addLast(new Slot(row, Set.of(), null, CompletableFuture.completedFuture(outcome)));
        takeFinished();
    }

    /**
     * Sends a row's work once the window has room, no unfinished earlier row holds one of
     * {@code guards}, and no row sent alone is unfinished; with {@code alone}, once every earlier row
     * has finished. {@code owner} (may be null) only tags the row for {@link #unfinished(String)}.
     */
    void send(int row, Set<String> guards, String owner, boolean alone, Supplier<Outcome> work) {
        if (this.alone != null) {
            settle(this.alone);
            this.alone = null;
        }
        if (alone) {
            awaitAll();
        } else {
            for (String guard : guards) {
                Slot holder = holders.get(guard);
                if (holder != null) {
                    settle(holder);
                }
            }
        }
        makeRoom();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        Slot slot = new Slot(row, guards, owner, outcome);
        slots.addLast(slot);
        for (String guard : guards) {
            holders.put(guard, slot);
        }
        if (alone) {
            this.alone = slot;
        }
        executor.execute(() -> {
            try {
                outcome.complete(Objects.requireNonNull(work.get(), "an outcome"));
            } catch (RuntimeException | Error failed) {
                outcome.completeExceptionally(failed);
            }
        });
        takeFinished();
    }

    /** How many rows tagged with {@code owner} are unfinished. */
    int unfinished(String owner) {
        int count = 0;
        for (Slot slot : slots) {
            if (slot.unfinished() && owner.equals(slot.owner)) {
                count++;
            }
        }
        return count;
    }

    /** Waits until no row tagged with {@code owner} is unfinished. */
    void awaitOwner(String owner) {
        for (Slot slot : List.copyOf(slots)) {
            if (owner.equals(slot.owner)) {
                settle(slot);
            }
        }
        takeFinished();
    }

    /** Waits until every row sent has finished, and records what can be recorded. */
    void awaitAll() {
        for (Slot slot : List.copyOf(slots)) {
            settle(slot);
        }
        takeFinished();
    }

    /** Waits until every row sent has finished, recording nothing: after a failure, so that no work is left running. */
    void awaitQuietly() {
        for (Slot slot : List.copyOf(slots)) {
            settle(slot);
        }
    }

    /** The rows read but not yet recorded. */
    int held() {
        return slots.size();
    }

    /** Hands the finished rows at the head to the recorder, in row order; stops at the first unfinished one. */
    void takeFinished() {
        while (!slots.isEmpty() && !slots.peekFirst().unfinished()) {
            Slot head = slots.peekFirst();
            Outcome outcome;
            try {
                outcome = head.outcome.join();
            } catch (CompletionException | CancellationException failed) {
                Throwable cause = failed instanceof CompletionException ? failed.getCause() : failed;
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new RowFailedException(head.row, cause instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(cause));
            }
            slots.removeFirst();
            for (String guard : head.guards) {
                holders.remove(guard, head);
            }
            if (alone == head) {
                alone = null;
            }
            recorder.accept(head.row, outcome);
        }
    }

    private void makeRoom() {
        while (slots.size() >= size) {
            settle(slots.peekFirst());
            takeFinished();
        }
    }

    private static void settle(Slot slot) {
        try {
            slot.outcome.join();
        } catch (CompletionException | CancellationException ignored) {
            // its failure is reported when the row is taken
        }
    }
}
