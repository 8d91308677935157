package com.customerledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** Which failures are a store out of reach (503) and which are the ledger's own (500). */
class StoreOutagesTest {

    @Test
    void anUnreachableAxonServerOrMongoDbIsAnOutageWhereverItIsWrapped() {
        // what a write answered with Axon Server stopped: AXONIQ-4003, gRPC UNAVAILABLE
        assertThat(StoreOutages.isOutage(new CommandExecutionException("dispatch failed",
                new AxonServerException(ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(), "UNAVAILABLE: io exception")))).isTrue();
        assertThat(StoreOutages.isOutage(new QueryExecutionException("query failed",
                new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("no server"))))).isTrue();
        assertThat(StoreOutages.isOutage(new MongoTimeoutException("no server"))).isTrue();
    }

    @Test
    void aQueryAxonServerCouldNotDispatchIsAnOutage() {
        // what a read answered with Axon Server SE 4.6 stopped: the dispatch exception, its message the gRPC status
        assertThat(StoreOutages.isOutage(new org.axonframework.queryhandling.QueryExecutionException("query failed",
                new org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException("AXONIQ-0001",
                        "UNAVAILABLE")))).isTrue();
        assertThat(StoreOutages.isOutage(new org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException(
                ErrorCode.QUERY_DISPATCH_ERROR.errorCode(), "no connection"))).isTrue();
        assertThat(StoreOutages.isOutage(new org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException(
                ErrorCode.QUERY_EXECUTION_ERROR.errorCode(), "a handler failed"))).isFalse();
    }

    @Test
    void noInstanceOfTheOtherRoleConnectedIsAnOutage() {
        // a write on a query instance while no command instance is connected, and a read the other way round
        assertThat(StoreOutages.isOutage(new org.axonframework.commandhandling.NoHandlerForCommandException("none"))).isTrue();
        assertThat(StoreOutages.isOutage(new org.axonframework.queryhandling.NoHandlerForQueryException("none"))).isTrue();
        assertThat(StoreOutages.isOutage(new CommandExecutionException("dispatch failed",
                new AxonServerException(ErrorCode.NO_HANDLER_FOR_COMMAND.errorCode(), "no handler")))).isTrue();
    }

    @Test
    void aFailureOfTheLedgerItselfIsNotAnOutage() {
        assertThat(StoreOutages.isOutage(new IllegalStateException("a bug"))).isFalse();
        assertThat(StoreOutages.isOutage(new CommandExecutionException("handler failed", new NullPointerException())))
                .isFalse();
        assertThat(StoreOutages.isOutage(new AxonServerException(ErrorCode.COMMAND_EXECUTION_ERROR.errorCode(), "a bug")))
                .isFalse();
    }

    @Test
    void aWriteThatKeptLosingRacesOnPostgresqlIsContentionHereOrOnAnotherInstance() {
        com.customerledger.api.storage.StoreContentionException busy = new com.customerledger.api.storage.StoreContentionException(
                "lost 10 races", new java.sql.SQLException("could not serialize access", "40001"));
        assertThat(StoreOutages.isContention(busy)).isTrue();
        assertThat(StoreOutages.isOutage(busy)).isTrue();
        // handled by another command instance: the causes arrive through Axon Server as descriptions
        io.axoniq.axonserver.grpc.ErrorMessage remote = io.axoniq.axonserver.grpc.ErrorMessage.newBuilder()
                .setMessage("lost 10 races").addDetails(busy.getClass().getName() + ": lost 10 races").build();
        assertThat(StoreOutages.isContention(new CommandExecutionException("failed",
                new org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException("AXONIQ-4002", remote))))
                .isTrue();
        // a transaction outside a command that lost one (a serialization failure, a deadlock)
        assertThat(StoreOutages.isContention(new org.springframework.dao.PessimisticLockingFailureException("x",
                new java.sql.SQLException("deadlock detected", "40P01")))).isTrue();
        // a unique key is the lookups' business (a 撞单), and a syntax error a bug
        assertThat(StoreOutages.isContention(new org.springframework.dao.DuplicateKeyException("x",
                new java.sql.SQLException("duplicate key", "23505")))).isFalse();
        assertThat(StoreOutages.isOutage(new java.sql.SQLException("syntax error", "42601"))).isFalse();
    }
}
