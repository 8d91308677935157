package com.customerledger.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The requests of the benchmark: registrations of pool customers with distinct names and credit
 * codes, a mix of the writes of a working day (register, claim, transfer, visit, deal) in which each
 * thread works on customers of its own so that every write can succeed, and the reads.
 */
final class Workload {

    static final String[] REPS = {"rep-a", "rep-b"};

    private final LedgerClient ledger;
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> customers = new CopyOnWriteArrayList<>();

    Workload(LedgerClient ledger) {
        this(ledger, 0);
    }

    /** Registrations numbered after {@code last}: on a data directory that already holds customers up to it. */
    Workload(LedgerClient ledger, long last) {
        this.ledger = ledger;
        this.sequence.set(last);
    }

    int customers() {
        return customers.size();
    }

    /** A pool customer no other has the name or credit code of (撞单 would refuse it). */
    static String registration(long n) {
        return "{\"customerId\":\"bench-" + n + "\",\"name\":\"Bench Farm " + n + "\",\"type\":\"FARM\","
                + "\"region\":{\"province\":\"山东省\",\"city\":\"潍坊市\",\"county\":\"寿光市\"},"
                + "\"creditCode\":\"91370783" + String.format("%010d", n) + "\","
                + "\"scale\":{\"value\":500,\"unit\":\"HEAD\"},\"species\":[\"pig\"],\"productLines\":[\"feed\"]}";
    }

    /** Registers the next customer into the pool; its id, or null when refused. */
    private String register() throws Exception {
        long n = sequence.incrementAndGet();
        if (!ledger.post("manager", "/api/customers", registration(n)).ok()) {
            return null;
        }
        String id = "bench-" + n;
        customers.add(id);
        return id;
    }

    Load.Step registrations() {
        return () -> register() != null;
    }

    /** One thread's share of the mix: 30 % registrations, 20 % claims, 15 % transfers, 20 % visits, 15 % deals. */
    Load.Step mix(int worker) {
        Random random = new Random(worker);
        Deque<String> pool = new ArrayDeque<>();
        List<String[]> owned = new ArrayList<>();
        return () -> {
            double roll = random.nextDouble();
            if (roll < 0.3 || (roll < 0.5 && pool.isEmpty()) || (roll >= 0.5 && owned.isEmpty())) {
                String id = register();
                if (id != null) {
                    pool.add(id);
                }
                return id != null;
            }
            if (roll < 0.5) {
                String id = pool.poll();
                String rep = REPS[random.nextInt(2)];
                boolean ok = ledger.post(rep, "/api/customers/" + id + "/claim", "").ok();
                if (ok) {
                    owned.add(new String[] {id, rep});
                }
                return ok;
            }
            String[] customer = owned.get(random.nextInt(owned.size()));
            // now: a second earlier lay before the registration of a customer registered within the second
            String at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            if (roll < 0.65) {
                String to = customer[1].equals(REPS[0]) ? REPS[1] : REPS[0];
                boolean ok = ledger.post("manager", "/api/customers/" + customer[0] + "/transfer",
                        "{\"toRepId\":\"" + to + "\",\"reason\":\"REBALANCE\",\"expectedOwnerRepId\":\""
                                + customer[1] + "\"}").ok();
                if (ok) {
                    customer[1] = to;
                }
                return ok;
            }
            if (roll < 0.85) {
                return ledger.post(customer[1], "/api/customers/" + customer[0] + "/visits",
                        "{\"visitedAt\":\"" + at + "\",\"channel\":\"ON_SITE\",\"notes\":\"bench visit\"}").ok();
            }
            return ledger.post("manager", "/api/customers/" + customer[0] + "/deals",
                    "{\"productLine\":\"feed\",\"amount\":1200.00,\"margin\":150.00,\"closedAt\":\"" + at + "\"}").ok();
        };
    }

    /**
     * A registration, then a read of that customer with {@code ?minPosition=} of its answer: the time
     * from the write's answer to the read's answer is the projection lag, recorded in {@code lag}.
     */
    Load.Step lagProbe(ConcurrentHistogram lag) {
        return () -> {
            long n = sequence.incrementAndGet();
            LedgerClient.Answer written = ledger.post("manager", "/api/customers", registration(n));
            if (!written.ok()) {
                return false;
            }
            customers.add("bench-" + n);
            long answered = System.nanoTime();
            boolean visible = ledger.get("manager", "/api/customers/bench-" + n + "?minPosition="
                    + written.position()).ok();
            if (visible) {
                lag.recordValue(Math.max(1, (System.nanoTime() - answered) / 1000));
            }
            return visible;
        };
    }

    static ConcurrentHistogram lagHistogram() {
        Histogram shape = Load.histogram();
        return new ConcurrentHistogram(shape.getHighestTrackableValue(), shape.getNumberOfSignificantValueDigits());
    }

    private String anyCustomer() {
        return customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
    }

    Load.Step getCustomer() {
        return () -> ledger.get("manager", "/api/customers/" + anyCustomer()).ok();
    }

    /** A search by the name of a customer, as a user types it. */
    Load.Step search() {
        return () -> ledger.get("manager", "/api/customers?size=20&q="
                + URLEncoder.encode("Bench Farm " + anyCustomer().substring("bench-".length()),
                StandardCharsets.UTF_8)).ok();
    }

    Load.Step portfolio() {
        return () -> ledger.get("manager", "/api/reps/" + REPS[ThreadLocalRandom.current().nextInt(2)]
                + "/portfolio?size=20").ok();
    }
}
