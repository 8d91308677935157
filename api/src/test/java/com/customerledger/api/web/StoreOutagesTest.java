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
}
