package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.storage.SingleWriterTransactionManager;
import com.customerledger.api.storage.WalSync;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

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
}
