package com.customerledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Runs requests from a fixed pool of threads and records each one's latency in an HdrHistogram
 * (microseconds). Closed loop: every thread sends its next request as soon as the last is answered,
 * so concurrency is the number of threads. Paced: requests are due at a fixed rate and a thread
 * sends one when it is due, or at once when it is late (the achieved rate then says so).
 */
final class Load {

    /** One request of a thread; {@code true} when it was answered with success. */
    interface Step {
        boolean run() throws Exception;
    }

    /** What a run did: answered requests, failures, seconds it took and the latencies of successes. */
    record Result(long ok, long failed, double seconds, Histogram latency) {

        double perSecond() {
            return ok / seconds;
        }

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }
    }

    private Load() {
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
    }

    /** {@code threads} threads, each with its own step from {@code steps}, for {@code duration}. */
    static Result closedLoop(int threads, Duration duration, IntFunction<Step> steps) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        return run(threads, steps, () -> System.nanoTime() < end, () -> { });
    }

    /** {@code threads} threads running {@code total} steps between them, as fast as they are answered. */
    static Result count(int threads, long total, IntFunction<Step> steps) throws Exception {
        AtomicLong tickets = new AtomicLong();
        return run(threads, steps, () -> tickets.getAndIncrement() < total, () -> { });
    }

    /** Steps due at {@code perSecond} for {@code duration}, sent by up to {@code threads} threads. */
    static Result paced(int threads, double perSecond, Duration duration, IntFunction<Step> steps) throws Exception {
        long start = System.nanoTime();
        long total = (long) (perSecond * duration.toSeconds());
        AtomicLong tickets = new AtomicLong();
        ThreadLocal<Long> due = new ThreadLocal<>();
        return run(threads, steps, () -> {
            long ticket = tickets.getAndIncrement();
            due.set(start + (long) (ticket * 1e9 / perSecond));
            return ticket < total;
        }, () -> {
            long wait = due.get() - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        });
    }

    private interface Gate {
        boolean another();
    }

    private interface Pause {
        void await() throws InterruptedException;
    }

    private static Result run(int threads, IntFunction<Step> steps, Gate gate, Pause pause) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<Result>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Step step = steps.apply(i);
                workers.add(pool.submit(() -> {
                    Histogram latency = histogram();
                    long ok = 0;
                    long failed = 0;
                    while (gate.another()) {
                        pause.await();
                        long sent = System.nanoTime();
                        if (step.run()) {
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                            ok++;
                        } else {
                            failed++;
                        }
                    }
                    return new Result(ok, failed, 0, latency);
                }));
            }
            Histogram latency = histogram();
            long ok = 0;
            long failed = 0;
            for (Future<Result> worker : workers) {
                Result result = worker.get();
                latency.add(result.latency());
                ok += result.ok();
                failed += result.failed();
            }
            return new Result(ok, failed, (System.nanoTime() - start) / 1e9, latency);
        } finally {
            pool.shutdownNow();
        }
    }
}
