package com.customerledger.api.web;

import com.customerledger.api.storage.StoreContentionException;
import com.mongodb.MongoSocketException;
import java.sql.SQLException;
import com.mongodb.MongoTimeoutException;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a store that cannot be reached (Axon Server, MongoDB, the event store's database), or a write
 * that kept losing races on the command side's PostgreSQL, from a failure of the ledger itself: the
 * first is a 503 the client may retry, never a 500.
 */
final class StoreOutages {

    /**
     * Axon Server could not be reached, or no instance of the other role is connected to it now (a
     * command sent to a query instance while every command instance is restarting): both pass.
     */
    private static final Set<ErrorCode> UNREACHABLE = Set.of(ErrorCode.COMMAND_DISPATCH_ERROR, ErrorCode.QUERY_DISPATCH_ERROR,
            ErrorCode.CONNECTION_FAILED, ErrorCode.NO_HANDLER_FOR_COMMAND, ErrorCode.NO_HANDLER_FOR_QUERY,
            ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE);

    private StoreOutages() {
    }

    /** Whether {@code failure}, or anything that caused it, says a store could not be reached. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException || cause instanceof CommandDispatchException
                    || cause instanceof org.axonframework.commandhandling.NoHandlerForCommandException
                    || cause instanceof org.axonframework.queryhandling.NoHandlerForQueryException
                    || cause instanceof AxonServerException axon && UNREACHABLE.contains(axon.errorCode())
                    || cause instanceof AxonServerQueryDispatchException query && isUnreachable(query)
                    || isUnavailableGrpc(cause) || isContended(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A write that lost races with concurrent transactions on the command side's PostgreSQL, answered
     * busy by the command bus of this instance or of another (whose exception arrives through Axon Server
     * as descriptions of its causes), or a transaction outside a command that lost one (SQLState 40001,
     * 40P01): the client may repeat it.
     */
    static boolean isContention(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isContended(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isContended(Throwable cause) {
        if (cause instanceof StoreContentionException) {
            return true;
        }
        if (cause instanceof RemoteHandlingException remote) {
            return remote.getExceptionDescriptions().stream()
                    .anyMatch(description -> description.contains(StoreContentionException.class.getName()));
        }
        return cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
    }

    /**
     * A query Axon Server could not dispatch: not an {@link AxonServerException}, and with Axon Server
     * stopped it carries gRPC's status as its message and no cause (seen against Axon Server SE 4.6).
     */
    private static boolean isUnreachable(AxonServerQueryDispatchException query) {
        String message = String.valueOf(query.getMessage());
        return UNREACHABLE.contains(query.errorCode()) || message.startsWith("UNAVAILABLE")
                || message.startsWith("DEADLINE_EXCEEDED");
    }

    /** gRPC's UNAVAILABLE and DEADLINE_EXCEEDED (Axon Server's transport), known by name: gRPC is not a compile dependency. */
    private static boolean isUnavailableGrpc(Throwable cause) {
        String type = cause.getClass().getName();
        String message = String.valueOf(cause.getMessage());
        return (type.equals("io.grpc.StatusRuntimeException") || type.equals("io.grpc.StatusException"))
                && (message.startsWith("UNAVAILABLE") || message.startsWith("DEADLINE_EXCEEDED"));
    }
}
