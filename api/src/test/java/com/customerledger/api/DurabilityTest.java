package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.storage.SingleWriterTransactionManager;
import com.customerledger.api.storage.WalSync;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * An answered command is on stable storage: the running store is in WAL mode with
 * {@code synchronous=NORMAL}, every write transaction goes through the single-writer transaction
 * manager, and the command was answered only after a group-commit fdatasync covering its commit.
 * (The SIGKILL test cannot tell this apart from a write the OS merely holds; this can.)
 */
class DurabilityTest extends EmbeddedLedgerTest {

    @Autowired
    WalSync walSync;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theLiveStoreRunsInWalModeAndCommitsThroughTheSingleWriter() {
        assertThat(eventStore.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
        assertThat(eventStore.queryForObject("PRAGMA synchronous", Integer.class)).as("NORMAL, with group commit")
                .isEqualTo(1);
        assertThat(transactionManager).isInstanceOf(SingleWriterTransactionManager.class);
    }

    @Test
    void anAnsweredCommandWaitedForASyncOfItsCommit() {
        long committedBefore = walSync.commits();
        long syncsBefore = walSync.syncs();
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(null));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        // the command's commit took a ticket above committedBefore, and the answer came after a sync covered it
        assertThat(walSync.commits()).isGreaterThan(committedBefore);
        assertThat(walSync.durableThrough()).isGreaterThan(committedBefore);
        assertThat(walSync.syncs()).isGreaterThan(syncsBefore);
        assertThat(storedEventIds("customer:" + registered.text("customerId"))).hasSize(1);
    }

    @Test
    void aRefusedCommandCommitsNothing() {
        Map<String, Object> customer = newCustomer(null);
        assertThat(api.post("manager", "/api/customers", customer).status()).isEqualTo(201);
        long committedBefore = walSync.commits();
        assertThat(api.post("manager", "/api/customers", customer).status()).isEqualTo(409);
        assertThat(walSync.commits()).as("a rolled-back transaction takes no ticket").isEqualTo(committedBefore);
    }

    /**
     * Queries go through Axon's query bus, which would run each one in a transaction of Axon's transaction manager:
     * on this store the single writer's. They must not: a read would wait for every command ahead of it.
     */
    @Test
    void queriesAnswerWhileTheWriterIsHeld() throws Exception {
        Api.Response registered = api.post("manager", "/api/customers", newCustomer(null));
        String customerId = registered.text("customerId");
        long position = registered.position();
        Map<String, Object> draft = Map.of("rules", List.of(Map.of("ruleId", "nowhere",
                "match", Map.of("region", Map.of("province", "无此省")), "candidates", List.of("rep-a"), "strategy", "FIXED")));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            TransactionStatus transaction = transactionManager.getTransaction(TransactionDefinition.withDefaults());
            try {
                holding.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                transactionManager.rollback(transaction);
            }
        });
        writer.start();
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Api.Response> read = CompletableFuture.supplyAsync(
                    () -> api.get("manager", "/api/customers/" + customerId + "?minPosition=" + position));
            CompletableFuture<Api.Response> preview = CompletableFuture.supplyAsync(
                    () -> api.post("admin", "/api/policies/assignment/preview?limit=0", draft));
            // with the writer held, a read in its transaction would wait 10 s (ledger.storage.busy-timeout) and fail
            Api.Response customer = read.get(5, TimeUnit.SECONDS);
            assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
            assertThat(customer.text("customerId")).isEqualTo(customerId);
            Api.Response previewed = preview.get(5, TimeUnit.SECONDS);
            assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
            assertThat(previewed.body().get("customers").asInt()).isPositive();
        } finally {
            release.countDown();
            writer.join();
        }
    }
}
