package com.customerledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window of an import's rows in flight, on real threads: what it promises whatever order the
 * rows' work finishes in. A row's work here notes when it starts and ends; the checks are on those
 * notes, not on times.
 */
class RowWindowTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final List<Integer> recorded = Collections.synchronizedList(new ArrayList<>());
    /** Rows whose work began while an earlier row it must follow was still unfinished. */
    private final List<Integer> overtook = Collections.synchronizedList(new ArrayList<>());
    private final Set<Integer> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private RowWindow window(int size) {
        return new RowWindow(size, threads, (row, outcome) -> recorded.add(row));
    }

    /** Work that takes {@code millis} and notes itself overtaking if {@code after} has not finished when it starts. */
    private Supplier<RowWindow.Outcome> work(int row, long millis, Integer after) {
        return () -> {
            if (after != null && !finished.contains(after)) {
                overtook.add(row);
            }
            sleep(millis);
            finished.add(row);
            return RowWindow.Outcome.imported();
        };
    }

    @Test
    void aRowWithTheKeyOfAnUnfinishedEarlierRowIsSentOnlyAfterItHasFinished() {
        RowWindow window = window(16);
        // row 2 is slow; row 3 is the same customer (a key of row 2) and would finish first if sent at once
        window.send(2, Set.of("phone:1", "name:a"), "rep-a", false, work(2, 300, null));
        window.send(3, Set.of("name:b"), "rep-a", false, work(3, 0, null));
        window.send(4, Set.of("phone:2", "name:a"), "rep-a", false, work(4, 0, 2));
        window.send(5, Set.of("phone:1"), "rep-b", false, work(5, 0, 2));
        window.awaitAll();

        assertThat(overtook).as("rows sent while an earlier row with one of their keys was in flight").isEmpty();
        assertThat(recorded).containsExactly(2, 3, 4, 5);
    }

    @Test
    void nothingIsRecordedPastARowStillInFlight() throws InterruptedException {
        RowWindow window = window(16);
        CountDownLatch release = new CountDownLatch(1);
        window.send(2, Set.of("k:2"), null, false, () -> {
            await(release);
            return RowWindow.Outcome.imported();
        });
        AtomicInteger laterDone = new AtomicInteger();
        for (int row = 3; row <= 9; row++) {
            window.send(row, Set.of("k:" + row), null, false, () -> {
                laterDone.incrementAndGet();
                return RowWindow.Outcome.imported();
            });
        }
        while (laterDone.get() < 7) {
            Thread.sleep(5);
        }
        window.takeFinished();
        assertThat(recorded).as("rows 3–9 are done but row 2 is not: the resume point stays at row 2").isEmpty();

        release.countDown();
        window.awaitAll();
        assertThat(recorded).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void aFailedRowStopsTheRecordAtTheRowBeforeIt() {
        RowWindow window = window(16);
        window.send(2, Set.of("k:2"), null, false, work(2, 0, null));
        window.send(3, Set.of("k:3"), null, false, () -> {
            sleep(100);
            throw new IllegalStateException("store away");
        });
        window.send(4, Set.of("k:4"), null, false, work(4, 0, null));

        assertThatThrownBy(window::awaitAll).isInstanceOf(RowWindow.RowFailedException.class)
                .hasRootCauseMessage("store away");
        assertThat(recorded).as("row 4 finished, but after the failed row 3: it is sent again on resume")
                .containsExactly(2);
    }

    @Test
    void aRowSentAloneWaitsForEveryEarlierRowAndNoRowOvertakesIt() {
        RowWindow window = window(16);
        window.send(2, Set.of("k:2"), "rep-a", false, work(2, 200, null));
        window.send(3, Set.of("k:3"), "rep-b", false, work(3, 200, null));
        window.send(4, Set.of("k:4"), null, true, () -> {
            if (!finished.containsAll(Set.of(2, 3))) {
                overtook.add(4);
            }
            sleep(200);
            finished.add(4);
            return RowWindow.Outcome.imported();
        });
        window.send(5, Set.of("k:5"), "rep-a", false, work(5, 0, 4));
        window.awaitAll();

        assertThat(overtook).isEmpty();
        assertThat(recorded).containsExactly(2, 3, 4, 5);
    }

    @Test
    void theWindowHoldsAtMostItsSizeAndCountsAnOwnersRowsInFlight() {
        RowWindow window = window(4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        for (int row = 2; row <= 5; row++) {
            window.send(row, Set.of("k:" + row), row % 2 == 0 ? "rep-a" : "rep-b", false, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                await(release);
                running.decrementAndGet();
                return RowWindow.Outcome.imported();
            });
        }
        assertThat(window.held()).isEqualTo(4);
        assertThat(window.unfinished("rep-a")).isEqualTo(2);
        release.countDown();
        window.awaitOwner("rep-a");
        assertThat(window.unfinished("rep-a")).isZero();
        for (int row = 6; row <= 40; row++) {
            window.send(row, Set.of("k:" + row), null, false, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                sleep(2);
                running.decrementAndGet();
                return RowWindow.Outcome.imported();
            });
            assertThat(window.held()).isLessThanOrEqualTo(4);
        }
        window.awaitAll();
        assertThat(most.get()).isLessThanOrEqualTo(4);
        assertThat(recorded).hasSize(39).isSorted();
    }

    @Test
    void settledRowsKeepTheirPlaceAmongTheRowsInFlight() {
        RowWindow window = window(16);
        window.send(2, Set.of("k:2"), null, false, work(2, 100, null));
        window.settled(3, RowWindow.Outcome.error(List.of(new ImportJobs.Item(3, "电话", "bad", null, null))));
        window.send(4, Set.of("k:4"), null, false, work(4, 0, null));
        assertThat(recorded).as("row 3 is settled, but row 2 before it is not finished").doesNotContain(3);
        window.awaitAll();
        assertThat(recorded).containsExactly(2, 3, 4);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
