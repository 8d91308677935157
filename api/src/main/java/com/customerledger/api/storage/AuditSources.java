package com.customerledger.api.storage;

import com.customerledger.events.EventPositions;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event positions of the configured engine, and the reader the audit sees the stored events
 * through ({@link AxonStoredEvents}): Axon's own event store interfaces, each with an upcaster
 * chain of its own that does nothing, so what is hashed and shown is each event as written. The
 * readers are not beans of Axon's types (Axon's auto-configuration would take a second event store
 * or engine for its own).
 */
@Configuration(proxyBeanMethods = false)
class AuditSources {

    /** Rows per read of the JDBC engine: one read fills a page of the audit chain. */
    private static final int JDBC_BATCH = 1000;

    @Bean
    EventPositions eventPositions(org.springframework.core.env.Environment environment) {
        return environment.getProperty("axon.axonserver.enabled", Boolean.class, true)
                ? EventPositions.axonServer() : EventPositions.jdbc();
    }

    /** The JDBC engine: a second one over the same database (SQLite, or PostgreSQL), used only to read. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    AxonStoredEvents jdbcStoredEvents(DataSource dataSource, Serializer serializer,
                                      @Qualifier("eventSerializer") Serializer eventSerializer,
                                      PersistenceExceptionResolver persistenceExceptionResolver, EventPositions positions,
                                      org.springframework.core.env.Environment environment) {
        JdbcEventStorageEngine.Builder builder = StorePlatform.of(environment) == StorePlatform.SQLITE
                ? SqliteEventStatements.install(JdbcEventStorageEngine.builder()) : JdbcEventStorageEngine.builder();
        JdbcEventStorageEngine engine = builder
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .batchSize(JDBC_BATCH)
                .build();
        return new AxonStoredEvents(new EngineStream(engine), id -> engine.readEvents(id, 0), eventSerializer,
                eventSerializer, positions);
    }

    /** Axon Server: a second event store client on the application's connection, used only to read. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    AxonStoredEvents axonServerStoredEvents(AxonServerConfiguration configuration, AxonServerConnectionManager connections,
                                            Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                            EventPositions positions) {
        AxonServerEventStore store = AxonServerEventStore.builder()
                .configuration(configuration)
                .platformConnectionManager(connections)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                // only read without snapshots here (readEvents(id, 0)); the builder requires a filter
                .snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter.allowAll())
                .build();
        // the store hands payloads over as stored when asked with the serializer it reads them with
        return new AxonStoredEvents(store, id -> store.readEvents(id, 0), new GrpcMetaDataAwareSerializer(eventSerializer),
                eventSerializer, positions);
    }

    /** A storage engine's stream of stored events ({@code readEvents(token, false)}) as a stream that ends at the head. */
    static final class EngineStream implements StreamableMessageSource<TrackedEventMessage<?>> {

        private final EventStorageEngine engine;

        EngineStream(EventStorageEngine engine) {
            this.engine = engine;
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
            Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false);
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            return new BlockingStream<>() {
                private TrackedEventMessage<?> next;

                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    return hasNextAvailable() ? Optional.of(next) : Optional.empty();
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    return hasNextAvailable();
                }

                @Override
                public boolean hasNextAvailable() {
                    if (next == null && iterator.hasNext()) {
                        next = iterator.next();
                    }
                    return next != null;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    if (!hasNextAvailable()) {
                        throw new java.util.NoSuchElementException("no event after the head");
                    }
                    TrackedEventMessage<?> current = next;
                    next = null;
                    return current;
                }

                @Override
                public void close() {
                    events.close();
                }
            };
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(java.time.Instant dateTime) {
            return engine.createTokenAt(dateTime);
        }
    }
}
