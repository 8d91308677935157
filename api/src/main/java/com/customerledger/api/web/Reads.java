package com.customerledger.api.web;

import com.customerledger.api.config.LedgerProperties;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.QueryProjections;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Reads from the projections through the query bus, first waiting (bounded) until the projections
 * that answer the query have reached the {@code minPosition} the client asked for.
 */
@Component
public class Reads {

    private final QueryGateway queries;
    private final ProjectionProgress progress;
    private final QueryProjections serving;
    private final Duration maxWait;
    private final Duration queryTimeout;

    Reads(QueryGateway queries, ProjectionProgress progress, QueryProjections serving, LedgerProperties properties) {
        this.queries = queries;
        this.progress = progress;
        this.serving = serving;
        this.maxWait = properties.reads().maxWait();
        this.queryTimeout = properties.reads().queryTimeout();
    }

    public <R> R query(Object query, ResponseType<R> type, Long minPosition) {
        if (minPosition != null) {
            Set<String> groups = serving.serving(query.getClass());
            if (!progress.awaitPosition(minPosition, maxWait, groups)) {
                throw new ProjectionsBehindException(groups, minPosition, maxWait);
            }
        }
        CompletableFuture<R> answer = queries.query(query, type);
        try {
            return answer.get(queryTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed);
        } catch (TimeoutException | InterruptedException slow) {
            if (slow instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("query " + query.getClass().getSimpleName() + " took too long", slow);
        }
    }

    /** The projections had not reached the asked position within the wait. */
    public static class ProjectionsBehindException extends RuntimeException {

        ProjectionsBehindException(Set<String> projections, long position, Duration waited) {
            super("the read models " + new java.util.TreeSet<>(projections) + " had not reached event position " + position
                    + " within " + waited.toMillis() + " ms; retry shortly");
        }
    }
}
