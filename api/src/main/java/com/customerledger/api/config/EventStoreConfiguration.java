package com.customerledger.api.config;

import com.customerledger.events.upcasting.ClaimedByRenamedUpcaster;
import java.sql.SQLException;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded event store: Axon's JDBC storage engine on an H2 file database (tables from
 * db/event-store.sql, written with commit-time flushing so an acknowledged command survives a kill).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 32;

    /** Reads CustomerClaimedEvent revision 1 as revision 2; Axon adds EventUpcaster beans to its upcaster chain. */
    @Bean
    EventUpcaster claimedByRenamedUpcaster() {
        return new ClaimedByRenamedUpcaster();
    }

    /**
     * Axon's default resolver only follows {@code getCause()}; H2 reports a duplicate key in a batch
     * insert through {@code getNextException()}. Without this, two commands racing on one aggregate
     * end in a generic storage error instead of a concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            Throwable current = exception;
            for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
                if (current instanceof SQLException sql) {
                    SQLException next = sql;
                    for (int i = 0; next != null && i < MAX_DEPTH; i++, next = next.getNextException()) {
                        if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }
}
