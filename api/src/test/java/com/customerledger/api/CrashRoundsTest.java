package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Crash and fault rounds: each round starts the ledger (a child JVM) on the same data directory, runs
 * a seeded concurrent mix of writes from four threads over HTTP (registrations, claims, transfers,
 * visits, deals with client-chosen ids), in some rounds starts a projection replay, a bulk transfer or
 * a departure shortly before the end, and SIGKILLs it while writes are in flight. Every write is
 * recorded as acknowledged (2xx, with its position), refused (4xx: appended nothing) or unknown (no
 * answer, or 5xx: it may or may not have landed). A later round first repeats the unknown creates
 * with the same id and body (idempotent). After the last round the ledger starts once more and
 * nothing acknowledged may be missing, nothing may be applied twice, every owner must be the last
 * acknowledged change or a later one that may have landed, projections reach the head without
 * errors or parked events, the audit chain verifies, and a full replay answers the same.
 *
 * <p>{@code -Dcrash.seed} (42) and {@code -Dcrash.rounds} (3) choose the run; see README, Guarantees.
 */
class CrashRoundsTest {

    private static final int THREADS = 4;
    private static final List<String> REPS = List.of("rep-a", "rep-b");
    private static final Set<String> BATCH_REASONS = Set.of("REBALANCE", "DEPARTURE");

    enum Kind { REGISTER, CLAIM, TRANSFER, VISIT, DEAL, BATCH }

    enum Outcome { ACKNOWLEDGED, REFUSED, UNKNOWN }

    /** One write attempt. {@code owner} is the owner it sets (ownership changes), {@code id} the visit or deal id. */
    static final class Write {
        final Kind kind;
        final int round;
        final String customerId;
        final String id;
        final String owner;
        final String user;
        final String path;
        final Map<String, Object> body;
        final BigDecimal amount;
        volatile Outcome outcome;
        volatile long position;
        volatile long sentAt;
        volatile long answeredAt;
        volatile boolean retried;
        volatile JsonNode answer;

        Write(Kind kind, int round, String customerId, String id, String owner, String user, String path,
              Map<String, Object> body, BigDecimal amount) {
            this.kind = kind;
            this.round = round;
            this.customerId = customerId;
            this.id = id;
            this.owner = owner;
            this.user = user;
            this.path = path;
            this.body = body;
            this.amount = amount;
        }

        @Override
        public String toString() {
            return kind + "(" + customerId + (id == null ? "" : " " + id) + (owner == null ? "" : " -> " + owner)
                    + ", round " + round + ", " + outcome + (position > 0 ? " @" + position : "") + ")";
        }
    }

    private final long seed = Long.getLong("crash.seed", 42);
    private final int rounds = Integer.getInteger("crash.rounds", 3);
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final List<String> customers = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private static final long T0 = System.nanoTime();

    private static void log(String what) {
        System.out.printf("crash [%5.1f s] %s%n", (System.nanoTime() - T0) / 1e9, what);
    }

    @Test
    void acknowledgedWritesSurviveRoundsOfSigkillUnderConcurrentLoad() throws Exception {
        long started = System.nanoTime();
        Path dataDir = TestData.newDirectory("ledger-crash-");
        Random random = new Random(seed);
        for (int round = 1; round <= rounds; round++) {
            runRound(dataDir, round, new Random(random.nextLong()));
        }
        LedgerProcess last = start(dataDir);
        log("final start");
        try {
            check(new Api(last.port()), started);
        } finally {
            last.kill();
        }
    }

    private static LedgerProcess start(Path dataDir) throws Exception {
        return LedgerProcess.start(dataDir, "--ledger.audit.gap-timeout=1s", "--ledger.audit.link-interval=200ms");
    }

    private void runRound(Path dataDir, int round, Random random) throws Exception {
        LedgerProcess ledger = start(dataDir);
        log("round " + round + ": started");
        Api api = new Api(ledger.port());
        try {
            if (round == 1) {
                for (String rep : REPS) {
                    assertThat(api.post("admin", "/api/reps", Map.of("repId", rep, "name", rep,
                            "regions", List.of(Map.of("province", "山东省")), "capacity", 100_000)).status()).isEqualTo(201);
                }
            }
            retryUnknownCreates(api);
            int fault = random.nextInt(4); // 0 none, 1 replay, 2 bulk transfer, 3 departure
            String departing = "dep-" + round;
            List<String> targets = new ArrayList<>(REPS);
            if (fault == 3) {
                assertThat(api.post("admin", "/api/reps", Map.of("repId", departing, "name", departing,
                        "regions", List.of(), "capacity", 100_000)).status()).isEqualTo(201);
                targets.add(departing);
            }
            long runMillis = 1500 + random.nextInt(2500);
            long faultAt = runMillis - 150 - random.nextInt(350);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random own = new Random(random.nextLong());
                int thread = t;
                Thread worker = new Thread(() -> {
                    while (!stop.get()) {
                        oneWrite(api, round, thread, own, targets);
                    }
                }, "crash-writer-" + t);
                worker.setDaemon(true);
                threads.add(worker);
            }
            threads.forEach(Thread::start);
            Thread.sleep(faultAt);
            switch (fault) {
                case 1 -> attempt(api, new Write(Kind.BATCH, round, null, "replay", null, "admin",
                        "/api/admin/projections/customer-view/replay", null, null));
                case 2 -> attempt(api, new Write(Kind.BATCH, round, null, "bulk", "rep-a", "manager", "/api/transfers",
                        Map.of("fromRepId", "rep-b", "toRepId", "rep-a", "reason", "REBALANCE"), null));
                case 3 -> attempt(api, new Write(Kind.BATCH, round, null, "departure", "rep-a", "manager",
                        "/api/reps/" + departing + "/departure", Map.of("successorRepId", "rep-a", "reason", "离职"), null));
                default -> { }
            }
            Thread.sleep(runMillis - faultAt);
            ledger.kill();
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(40));
            }
            System.out.printf("crash round %d: fault %s, killed after %d ms, %d writes so far%n", round,
                    List.of("none", "replay", "bulk transfer", "departure").get(fault), runMillis, writes.size());
        } finally {
            ledger.kill();
        }
    }

    private void oneWrite(Api api, int round, int thread, Random random, List<String> targets) {
        int n = counter.incrementAndGet();
        int dice = random.nextInt(100);
        String customer = customers.isEmpty() ? null : customers.get(random.nextInt(customers.size()));
        if (dice < 30 || customer == null) {
            String id = "c-" + round + "-" + thread + "-" + n;
            String owner = random.nextInt(3) == 0 ? null : REPS.get(random.nextInt(REPS.size()));
            Map<String, Object> body = new LinkedHashMap<>(Map.of("customerId", id, "name", "崩溃测试客户" + id,
                    "type", "FARM", "region", Map.of("province", "山东省", "city", "临沂市", "county", "兰陵县")));
            if (owner != null) {
                body.put("ownerRepId", owner);
            }
            Write write = attempt(api, new Write(Kind.REGISTER, round, id, null, owner, "manager", "/api/customers", body, null));
            if (write.outcome == Outcome.ACKNOWLEDGED) {
                customers.add(id);
            }
        } else if (dice < 45) {
            String rep = REPS.get(random.nextInt(REPS.size()));
            attempt(api, new Write(Kind.CLAIM, round, customer, null, rep, rep, "/api/customers/" + customer + "/claim",
                    null, null));
        } else if (dice < 65) {
            String rep = targets.get(random.nextInt(targets.size()));
            attempt(api, new Write(Kind.TRANSFER, round, customer, null, rep, "manager",
                    "/api/customers/" + customer + "/transfer", Map.of("toRepId", rep, "reason", "MANUAL"), null));
        } else if (dice < 85) {
            String visitId = "v-" + round + "-" + thread + "-" + n;
            String rep = REPS.get(random.nextInt(REPS.size()));
            attempt(api, new Write(Kind.VISIT, round, customer, visitId, null, rep, "/api/customers/" + customer + "/visits",
                    Map.of("visitId", visitId, "visitedAt", Instant.now().minusSeconds(600).toString(), "channel", "PHONE",
                            "notes", "崩溃测试拜访 " + visitId), null));
        } else {
            String dealId = "d-" + round + "-" + thread + "-" + n;
            BigDecimal amount = BigDecimal.valueOf(1000 + n);
            attempt(api, new Write(Kind.DEAL, round, customer, dealId, null, "manager", "/api/customers/" + customer + "/deals",
                    Map.of("dealId", dealId, "productLine", "feed", "amount", amount, "margin", 10,
                            "closedAt", Instant.now().toString()), amount));
        }
    }

    private Write attempt(Api api, Write write) {
        writes.add(write);
        send(api, write);
        return write;
    }

    private static void send(Api api, Write write) {
        write.sentAt = System.nanoTime();
        try {
            Api.Response response = api.post(write.user, write.path, write.body);
            write.answer = response.body();
            if (response.status() / 100 == 2) {
                write.position = response.position();
                write.outcome = Outcome.ACKNOWLEDGED;
            } else if (response.status() / 100 == 4) {
                write.outcome = Outcome.REFUSED;
            } else {
                write.outcome = Outcome.UNKNOWN;
            }
        } catch (IllegalStateException noAnswer) {
            write.outcome = Outcome.UNKNOWN;
        } finally {
            write.answeredAt = System.nanoTime();
        }
    }

    /** Repeats creates whose answer was lost: same id, same body; the ledger answers as before and appends nothing. */
    private void retryUnknownCreates(Api api) {
        for (Write write : writes) {
            if (write.outcome != Outcome.UNKNOWN || write.kind == Kind.BATCH || write.kind == Kind.CLAIM
                    || write.kind == Kind.TRANSFER) {
                continue;
            }
            if (write.kind != Kind.REGISTER && !customers.contains(write.customerId)) {
                continue;
            }
            List<String> users = write.kind == Kind.VISIT ? REPS : List.of(write.user);
            for (String user : users) {
                Write again = new Write(write.kind, write.round, write.customerId, write.id, write.owner, user, write.path,
                        write.body, write.amount);
                send(api, again);
                if (again.outcome == Outcome.ACKNOWLEDGED) {
                    write.outcome = Outcome.ACKNOWLEDGED;
                    write.position = again.position;
                    write.sentAt = again.sentAt;
                    write.answeredAt = again.answeredAt;
                    write.retried = true;
                    if (write.kind == Kind.REGISTER) {
                        customers.add(write.customerId);
                    }
                    break;
                }
            }
        }
    }

    private void check(Api api, long started) throws Exception {
        List<Write> all = new ArrayList<>(writes);
        List<Write> acknowledged = all.stream().filter(w -> w.outcome == Outcome.ACKNOWLEDGED).toList();
        List<Write> unknown = all.stream().filter(w -> w.outcome == Outcome.UNKNOWN).toList();
        long highest = acknowledged.stream().mapToLong(w -> w.position).max().orElse(0);
        List<String> lost = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();

        // batches resume after the restart; wait until they and every projection have finished
        for (Write batch : acknowledged) {
            if (batch.kind == Kind.BATCH && batch.answer.hasNonNull("batchId")) {
                String batchId = batch.answer.path("batchId").asText();
                JsonNode done = api.await("manager", "/api/transfers/" + batchId, r -> "COMPLETED".equals(
                        r.body().path("status").asText()), Duration.ofSeconds(60)).body();
                assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
            }
        }
        long head = settledHead(api, Math.max(highest, 1));
        JsonNode statuses = caughtUp(api, head);
        log("caught up with head " + head);

        Map<String, List<Write>> byCustomer = new TreeMap<>();
        for (Write write : all) {
            if (write.customerId != null) {
                byCustomer.computeIfAbsent(write.customerId, k -> new ArrayList<>()).add(write);
            }
        }
        boolean anyBatch = all.stream().anyMatch(w -> w.kind == Kind.BATCH && w.owner != null && w.outcome != Outcome.REFUSED);
        Map<String, JsonNode> before = new TreeMap<>();
        for (Map.Entry<String, List<Write>> entry : byCustomer.entrySet()) {
            String id = entry.getKey();
            List<Write> its = entry.getValue();
            Write registration = its.stream().filter(w -> w.kind == Kind.REGISTER).findFirst().orElseThrow();
            Api.Response view = api.get("manager", "/api/customers/" + id + "?minPosition=" + head);
            if (registration.outcome == Outcome.ACKNOWLEDGED) {
                if (view.status() != 200) {
                    lost.add(registration + ": " + view);
                    missing.add(id);
                    continue;
                }
            } else if (view.status() == 404) {
                continue;
            } else if (registration.outcome == Outcome.REFUSED) {
                duplicates.add("a refused registration is there: " + registration + " " + view);
            }
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            JsonNode ownership = api.get("manager", "/api/customers/" + id + "/ownership?minPosition=" + head).body();
            JsonNode visits = api.get("manager", "/api/customers/" + id + "/visits?size=200&minPosition=" + head).body();
            before.put(id, answers(view.body(), ownership, visits));

            // owner: the last acknowledged change, or one that may have landed after it
            JsonNode periods = ownership.path("periods");
            JsonNode lastPeriod = periods.get(periods.size() - 1);
            String owner = view.body().path("ownerRepId").isNull() ? null : view.body().path("ownerRepId").asText();
            String historyOwner = lastPeriod.path("repId").isNull() ? null : lastPeriod.path("repId").asText();
            assertThat(historyOwner).as("customer view and ownership history of " + id).isEqualTo(owner);
            List<Write> changes = its.stream().filter(w -> w.kind == Kind.REGISTER || w.kind == Kind.CLAIM
                    || w.kind == Kind.TRANSFER).toList();
            // A write's position is the store's head when it was stored, so concurrent writes may answer the same
            // or even crossed positions: order by time instead. The last landed change is an acknowledged one
            // that no other acknowledged change certainly followed (sent after it was answered), or an unknown one
            // that no acknowledged change certainly followed.
            List<Write> acked = changes.stream().filter(w -> w.outcome == Outcome.ACKNOWLEDGED).toList();
            Set<String> allowed = new HashSet<>();
            for (Write change : changes) {
                if (change.outcome == Outcome.REFUSED) {
                    continue;
                }
                boolean followed = acked.stream().anyMatch(other -> other != change && other.sentAt > change.answeredAt);
                if (!followed) {
                    allowed.add(change.owner);
                }
            }
            String lastAcknowledged = acked.stream().max((x, y) -> Long.compare(x.answeredAt, y.answeredAt))
                    .map(Write::toString).orElse(null);
            if (anyBatch && BATCH_REASONS.contains(lastPeriod.path("reason").asText())) {
                allowed.add(historyOwner);
            }
            if (!allowed.contains(owner)) {
                lost.add("owner of " + id + " is " + owner + ", expected one of " + allowed + "; last acknowledged "
                        + lastAcknowledged + "; history " + periods);
            }

            // visits: every acknowledged one, each once, none invented
            Set<String> seen = new HashSet<>();
            for (JsonNode visit : visits.path("items")) {
                if (!seen.add(visit.path("visitId").asText())) {
                    duplicates.add("visit " + visit.path("visitId").asText() + " of " + id + " twice");
                }
            }
            assertThat(visits.path("total").asLong()).isEqualTo(visits.path("items").size());
            for (Write visit : its) {
                if (visit.kind == Kind.VISIT) {
                    if (visit.outcome == Outcome.ACKNOWLEDGED && !seen.contains(visit.id)) {
                        lost.add(visit.toString());
                    } else if (visit.outcome == Outcome.REFUSED && seen.contains(visit.id)) {
                        duplicates.add("a refused visit is there: " + visit);
                    }
                }
            }
            Set<String> attempted = new HashSet<>();
            its.stream().filter(w -> w.kind == Kind.VISIT).forEach(w -> attempted.add(w.id));
            assertThat(attempted).as("visits of " + id).containsAll(seen);

            // deals: the count and total are the acknowledged ones plus some of those that may have landed
            List<BigDecimal> ackedDeals = its.stream().filter(w -> w.kind == Kind.DEAL && w.outcome == Outcome.ACKNOWLEDGED)
                    .map(w -> w.amount).toList();
            List<BigDecimal> maybeDeals = its.stream().filter(w -> w.kind == Kind.DEAL && w.outcome == Outcome.UNKNOWN)
                    .map(w -> w.amount).toList();
            JsonNode deals = view.body().path("dealsLast12Months");
            long count = deals.path("count").asLong();
            BigDecimal amount = new BigDecimal(deals.path("amount").asText("0"));
            BigDecimal extra = amount.subtract(sum(ackedDeals));
            long extraCount = count - ackedDeals.size();
            if (extraCount < 0 || extra.signum() < 0) {
                lost.add("deals of " + id + ": " + deals + ", acknowledged " + ackedDeals);
            } else if (!subsetSums(maybeDeals, (int) extraCount, extra)) {
                duplicates.add("deals of " + id + ": " + deals + " are not the acknowledged " + ackedDeals
                        + " plus some of " + maybeDeals);
            }
        }

        // every projection at the head, no errors, nothing parked
        for (JsonNode status : statuses) {
            assertThat(status.path("error").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.path("parked").asLong()).as(status.toString()).isZero();
        }

        log("checked " + before.size() + " customers");
        // the audit chain has linked everything and verifies
        JsonNode verified = api.await("auditor", "/api/audit/verify", r -> r.body().path("ok").asBoolean()
                && r.body().path("head").asLong() >= r.body().path("storeHead").asLong(), Duration.ofSeconds(60)).body();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("outcome").asText()).isEqualTo("VERIFIED");

        log("audit chain verified");
        // a replay of every projection answers the same for every customer
        for (JsonNode status : statuses) {
            Api.Response replay = api.post("admin", "/api/admin/projections/" + status.path("name").asText() + "/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        }
        caughtUp(api, head);
        log("replayed");
        int differences = 0;
        for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
            String id = entry.getKey();
            JsonNode after = answers(api.get("manager", "/api/customers/" + id + "?minPosition=" + head).body(),
                    api.get("manager", "/api/customers/" + id + "/ownership?minPosition=" + head).body(),
                    api.get("manager", "/api/customers/" + id + "/visits?size=200&minPosition=" + head).body());
            if (!after.equals(entry.getValue())) {
                differences++;
                System.out.println("after replay " + id + " differs:\n  before " + entry.getValue() + "\n  after  " + after);
            }
        }

        for (String id : missing) {
            System.out.println("after replay, missing " + id + " answers "
                    + api.get("manager", "/api/customers/" + id + "?minPosition=" + head));
        }
        long landedUnknown = unknown.size();
        System.out.printf("crash rounds: seed %d, rounds %d, writes %d, acknowledged writes %d, refused %d, unknown %d, "
                        + "customers %d, lost writes %d, duplicates %d, replay differences %d, %d s%n",
                seed, rounds, all.size(), acknowledged.size(), all.size() - acknowledged.size() - landedUnknown,
                landedUnknown, before.size(), lost.size(), duplicates.size(), differences,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        lost.forEach(l -> System.out.println("LOST " + l));
        duplicates.forEach(d -> System.out.println("DUPLICATE " + d));
        assertThat(acknowledged).isNotEmpty();
        assertThat(lost).as("lost writes").isEmpty();
        assertThat(duplicates).as("duplicates").isEmpty();
        assertThat(differences).as("customers answered differently after a replay").isZero();
    }

    /** What the API answers about a customer, without what depends on the clock of the read. */
    private static JsonNode answers(JsonNode view, JsonNode ownership, JsonNode visits) {
        ObjectNode all = view.deepCopy();
        if (all.path("dealsLast12Months") instanceof ObjectNode deals) {
            deals.remove("since");
        }
        ObjectNode result = all.objectNode();
        result.set("view", all);
        result.set("ownership", ownership);
        result.set("visits", visits);
        return result;
    }

    /** Waits until the store's head has not moved for a while (resumed batches, replays), then answers it. */
    private static long settledHead(Api api, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long previous = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            Api.Response response = api.get("admin", "/api/admin/projections");
            long head = response.status() == 200 ? response.body().get(0).path("head").asLong() : -1;
            stable = head >= atLeast && head == previous ? stable + 1 : 0;
            if (stable >= 5) {
                return head;
            }
            previous = head;
            Thread.sleep(300);
        }
        throw new AssertionError("the event store's head did not settle");
    }

    private static JsonNode caughtUp(Api api, long head) {
        Api.Response response = api.await("admin", "/api/admin/projections", r -> {
            if (r.status() != 200) {
                return false;
            }
            for (JsonNode status : r.body()) {
                if (status.path("replaying").asBoolean() || status.path("position").isNull()
                        || status.path("position").asLong() < head || status.path("lag").asLong() != 0) {
                    return false;
                }
            }
            return true;
        }, Duration.ofSeconds(90));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode status : response.body()) {
            assertThat(status.path("replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.path("position").asLong()).as(status.toString()).isGreaterThanOrEqualTo(head);
            assertThat(status.path("lag").asLong()).as(status.toString()).isZero();
        }
        return response.body();
    }

    private static BigDecimal sum(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether {@code size} of {@code amounts} (each used at most once) add up to {@code total}. */
    private static boolean subsetSums(List<BigDecimal> amounts, int size, BigDecimal total) {
        if (size == 0) {
            return total.signum() == 0;
        }
        if (amounts.size() > 20) {
            return size <= amounts.size(); // too many to enumerate; the count bound still holds
        }
        for (int mask = 0; mask < 1 << amounts.size(); mask++) {
            if (Integer.bitCount(mask) != size) {
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < amounts.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    sum = sum.add(amounts.get(i));
                }
            }
            if (Objects.equals(sum.stripTrailingZeros(), total.stripTrailingZeros())) {
                return true;
            }
        }
        return false;
    }
}
