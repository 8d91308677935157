package com.customerledger.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * The command bus of a command side on PostgreSQL, without a database: which failures make it handle a
 * command again, how often, and when it must not (a command inside another unit of work; a database
 * commit that failed after Axon Server appended the events).
 */
class ContentionRetryingCommandBusTest {

    private static final TransactionManager NO_TRANSACTION = () -> new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private static RuntimeException lostRace(String sqlState) {
        return new PessimisticLockingFailureException("could not serialize access",
                new SQLException("ERROR: could not serialize access due to concurrent update", sqlState));
    }

    private static ContentionRetryingCommandBus bus(TransactionManager transactions, int attempts, boolean axonServer,
                                                    MessageHandler<org.axonframework.commandhandling.CommandMessage<?>> handler) {
        ContentionRetryingCommandBus bus = new ContentionRetryingCommandBus(ContentionRetryingCommandBus.builder()
                .transactionManager(transactions), attempts, axonServer);
        bus.subscribe(String.class.getName(), handler);
        return bus;
    }

    private static CommandResultMessage<?> send(ContentionRetryingCommandBus bus) throws Exception {
        FutureCallback<String, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage("register"), callback);
        return callback.get();
    }

    @Test
    void aCommandThatLostRacesIsHandledAgainUntilItIsStored() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentionRetryingCommandBus bus = bus(NO_TRANSACTION, 5, false, command -> {
            if (calls.incrementAndGet() <= 2) {
                throw lostRace(calls.get() == 1 ? "40001" : "40P01");
            }
            return "stored";
        });
        CommandResultMessage<?> result = send(bus);
        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("stored");
        assertThat(calls).hasValue(3);
        assertThat(bus.retries()).isEqualTo(2);
        assertThat(bus.exhausted()).isZero();
    }

    @Test
    void aUniqueKeyAConcurrentTransactionTookIsARaceToo() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentionRetryingCommandBus bus = bus(NO_TRANSACTION, 5, false, command -> {
            if (calls.incrementAndGet() == 1) {
                throw new org.springframework.dao.DuplicateKeyException("customer_key",
                        new SQLException("duplicate key value violates unique constraint", "23505"));
            }
            return "refused by the check, or stored";
        });
        assertThat(send(bus).isExceptional()).isFalse();
        assertThat(calls).hasValue(2);
    }

    @Test
    void afterItsAttemptsItIsAnsweredBusyWithTheLastCause() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentionRetryingCommandBus bus = bus(NO_TRANSACTION, 3, false, command -> {
            calls.incrementAndGet();
            throw lostRace("40001");
        });
        CommandResultMessage<?> result = send(bus);
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(StoreContentionException.class)
                .hasRootCauseInstanceOf(SQLException.class).hasMessageContaining("3 races");
        assertThat(calls).hasValue(3);
        assertThat(bus.exhausted()).isEqualTo(1);
    }

    @Test
    void otherFailuresAreAnsweredAsTheyAre() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentionRetryingCommandBus bus = bus(NO_TRANSACTION, 5, false, command -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("refused");
        });
        CommandResultMessage<?> result = send(bus);
        assertThat(result.exceptionResult()).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(ContentionRetryingCommandBus.raceLost(new SQLException("syntax", "42601"))).isNull();
        assertThat(ContentionRetryingCommandBus.raceLost(new RuntimeException(new SQLException("connection lost", "08006"))))
                .isNull();
    }

    @Test
    void aCommandSentInsideAnotherUnitOfWorkIsLeftToThatOneToRunAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContentionRetryingCommandBus bus = bus(NO_TRANSACTION, 5, false, command -> {
            calls.incrementAndGet();
            throw lostRace("40001");
        });
        DefaultUnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("deadline"));
        try {
            CommandResultMessage<?> result = send(bus);
            assertThat(result.exceptionResult()).isInstanceOf(PessimisticLockingFailureException.class);
        } finally {
            outer.rollback();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aDatabaseCommitThatFailedAfterAxonServerAppendedIsNotHandledAgain() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        TransactionManager failingCommit = () -> new Transaction() {
            @Override
            public void commit() {
                commits.incrementAndGet();
                throw lostRace("40001");
            }

            @Override
            public void rollback() {
            }
        };
        AtomicInteger calls = new AtomicInteger();
        MessageHandler<org.axonframework.commandhandling.CommandMessage<?>> handler = command -> {
            calls.incrementAndGet();
            return "appended";
        };

        // with Axon Server the events are stored by then: answered busy, never appended a second time
        ContentionRetryingCommandBus axonServer = bus(failingCommit, 5, true, handler);
        CommandResultMessage<?> result = send(axonServer);
        assertThat(result.exceptionResult()).isInstanceOf(StoreContentionException.class)
                .hasMessageContaining("events were stored");
        assertThat(calls).hasValue(1);

        // with the JDBC engine the events were in that transaction: nothing is stored, it runs again
        calls.set(0);
        ContentionRetryingCommandBus jdbc = bus(failingCommit, 3, false, handler);
        assertThat(send(jdbc).exceptionResult()).isInstanceOf(StoreContentionException.class).hasMessageContaining("3 races");
        assertThat(calls).hasValue(3);
    }
}
