package com.customerledger.api.config;

import com.customerledger.api.storage.SqliteEventStatements;
import com.customerledger.api.storage.StorePlatform;
import com.customerledger.command.storage.SqliteErrors;
import com.customerledger.events.upcasting.ClaimedByRenamedUpcaster;
import com.customerledger.events.upcasting.RegisteredWithoutImportUpcaster;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded event store: Axon's JDBC storage engine on the SQLite file of
 * {@link com.customerledger.api.storage.EmbeddedStoreConfiguration} (tables from db/event-store.sql),
 * or on a configured PostgreSQL ({@link com.customerledger.api.storage.PostgresStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    private static final int MAX_DEPTH = 32;

    /** Reads CustomerClaimedEvent revision 1 as revision 2; Axon adds EventUpcaster beans to its upcaster chain. */
    @Bean
    EventUpcaster claimedByRenamedUpcaster() {
        return new ClaimedByRenamedUpcaster();
    }

    /** Reads CustomerRegisteredEvent revision 1 (before imports) as revision 2 with no import. */
    @Bean
    EventUpcaster registeredWithoutImportUpcaster() {
        return new RegisteredWithoutImportUpcaster();
    }

    /**
     * Axon's engine as its auto-configuration builds it, with the statements SQLite needs. Appends
     * join the command's transaction through the connection provider (the transaction manager of
     * the command bus begins it); the engine itself begins none, so the projections' polling reads
     * run outside transactions, beside the one writer, instead of queueing for the writer lock.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource, org.springframework.core.env.Environment environment) {
        ConnectionProvider connectionProvider = new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(dataSource));
        return statementsFor(StorePlatform.of(environment))
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                // every projection reads the same events: each is deserialized once for all of them
                .eventSerializer(new SharedEventDeserialization(eventSerializer))
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .build();
    }

    /** Axon's engine builder with the statements the platform needs: SQLite's own, or Axon's defaults (PostgreSQL). */
    static JdbcEventStorageEngine.Builder statementsFor(StorePlatform platform) {
        return platform == StorePlatform.SQLITE ? SqliteEventStatements.install(JdbcEventStorageEngine.builder())
                : JdbcEventStorageEngine.builder();
    }

    /**
     * Axon's default resolver knows vendor codes, and SQLite reports every constraint with the same
     * one; only the extended result code tells a duplicate key. PostgreSQL's SQLState 23505 is one too. Without this, two commands racing on
     * one aggregate end in a generic storage error instead of a concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            Throwable current = exception;
            for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
                if (current instanceof SQLException sql) {
                    SQLException next = sql;
                    for (int i = 0; next != null && i < MAX_DEPTH; i++, next = next.getNextException()) {
                        // SQLite's extended result code, or PostgreSQL's unique_violation
                        if (SqliteErrors.isDuplicateKey(next) || "23505".equals(next.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }
}
