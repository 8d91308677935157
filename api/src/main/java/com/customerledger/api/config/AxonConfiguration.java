package com.customerledger.api.config;

import com.customerledger.api.storage.CommitSignal;
import com.customerledger.api.storage.StorePlatform;
import com.customerledger.command.CommandLookups;
import com.customerledger.command.customer.Customer;
import com.customerledger.command.pool.PoolProcess;
import com.customerledger.query.PendingDocuments;
import com.customerledger.query.ProjectionProgress;
import com.customerledger.query.Projections;
import java.time.ZoneId;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import com.customerledger.command.order.DeliveredOrderDeals;
import com.customerledger.command.webhook.WebhookOutbox;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Axon runs here: projections are pooled streaming processors whose tokens live in the same
 * MongoDB as the read models (so wiping the read models rebuilds them on start); the command side's
 * lookups and the pool process are subscribing processors inside the command's transaction; every event carries the
 * user, correlation and trace ids of the command that caused it.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Metadata key of the authenticated user who caused a message. */
    static final String USER_ID = "userId";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The ledger's zone ({@code ledger.zone}): where its days begin, so its months, quarters and years (targets,
     * rebates, sell-through) and the plain dates clients send. Command handlers and query handlers take it by type.
     */
    @Bean
    ZoneId ledgerZone(@Value("${ledger.zone}") ZoneId zone) {
        return zone;
    }

    /**
     * Axon's transaction manager: Spring's, the command-side store's, for commands, event handlers, sagas and
     * deadlines; none for a query. Axon's query buses (the local one and Axon Server's local segment) would run
     * every query handler in a transaction of it, and on the embedded store that is the single writer's: every
     * read would queue for the lock every command holds. Query handlers read the read models; the one that reads
     * the command side's lookups ({@code AssignmentPreview}) reads them as any read outside a transaction does, on
     * the write-ahead log's last commit, beside the writer.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager platform) {
        return new QueriesOutsideTransactions(new SpringTransactionManager(platform));
    }

    static final class QueriesOutsideTransactions implements TransactionManager {

        private final TransactionManager delegate;

        QueriesOutsideTransactions(TransactionManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public Transaction startTransaction() {
            boolean query = CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof QueryMessage;
            return query ? NoTransactionManager.INSTANCE.startTransaction() : delegate.startTransaction();
        }
    }

    /** Axon's view of the read-model database: tracking tokens and parked events live there. */
    @Bean
    org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate(MongoClient mongoClient,
                                                                       @Value("${spring.data.mongodb.database}") String database) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build();
    }

    @Bean
    TokenStore tokenStore(org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
                          Serializer serializer, LedgerProperties properties) {
        return new DocumentsFirstTokenStore(MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(properties.projections().claimTimeout())
                .transactionManager(NoTransactionManager.INSTANCE));
    }

    /**
     * Projections keep the documents a batch of events changed in memory and write them once per
     * batch ({@link PendingDocuments}); Axon stores the batch's token first among the batch's commit
     * steps. This store writes the batch's documents just before the token, so a token on file is
     * never ahead of the documents it covers.
     */
    static final class DocumentsFirstTokenStore extends MongoTokenStore {

        DocumentsFirstTokenStore(MongoTokenStore.Builder builder) {
            super(builder);
        }

        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            PendingDocuments.flushCurrent();
            super.storeToken(token, processorName, segment);
        }
    }

    /**
     * On the embedded store this process appends every event, so its commits wake the projections'
     * processors ({@link CommitSignal}) instead of their polling every 500 ms. Not with Axon Server or a
     * shared PostgreSQL, where other instances append too.
     */
    @Bean
    @org.springframework.context.annotation.Conditional(StorePlatform.OnSqlite.class)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    CommitSignal commitSignal() {
        return new CommitSignal();
    }

    /** Snapshots Customers with Axon's auto-configured snapshotter, after the command's transaction has committed. */
    @Bean(Customer.SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition customerSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshots().customerThreshold());
    }

    /**
     * A Customer snapshot is the fields of the aggregate and its members as JSON: they have no getters
     * or setters to go by. Axon's serializer uses the application's ObjectMapper, which this customizes.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer customerSnapshotByFields() {
        return builder -> Customer.SNAPSHOT_TYPES.forEach(type -> builder.mixIn(type, FieldsOnly.class));
    }

    /** The pool process and the tickets' service process are stored the same way: their fields as JSON, in the saga store. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer poolProcessByFields() {
        return builder -> builder.mixIn(PoolProcess.class, FieldsOnly.class)
                .mixIn(com.customerledger.command.ticket.TicketSlaProcess.class, FieldsOnly.class);
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    private abstract static class FieldsOnly {
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider userIdCorrelationProvider() {
        return new SimpleCorrelationDataProvider(USER_ID);
    }

    /**
     * Projections never stop on one event: an event a handler fails on is parked in the projection's
     * dead-letter queue (in the read-model database) with its cause, later events of the same
     * customer or rep wait behind it, and the rest of the stream goes on. A failure of the processor
     * itself (the read-model store unreachable) is noted for the status endpoint and retried by Axon.
     */
    @Bean
    ConfigurerModule eventProcessingConfigurerModule(LedgerProperties properties,
                                                     org.axonframework.extensions.mongo.MongoTemplate axonMongoTemplate,
                                                     org.springframework.beans.factory.ObjectProvider<ProjectionProgress> progress,
                                                     org.springframework.beans.factory.ObjectProvider<CommitSignal> commitSignal,
                                                     Clock clock) {
        LedgerProperties.ProjectionSettings settings = properties.projections();
        return configurer -> {
            configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
                // before the processors start: a replay whose reset a crash interrupted is reset again
                for (String group : progress.getObject().resumeInterruptedResets()) {
                    org.slf4j.LoggerFactory.getLogger(AxonConfiguration.class)
                            .warn("projection {}: its replay was interrupted while being reset; it was reset again", group);
                }
            });
            CommitSignal signal = commitSignal.getIfAvailable();
            if (signal != null) {
                configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                        () -> config.eventBus().registerDispatchInterceptor(signal.interceptor())));
            }
            configurer.eventProcessing(processing -> {
                processing.usingPooledStreamingEventProcessors((config, builder) -> {
                    builder.batchSize(settings.batchSize())
                            .initialSegmentCount(settings.segments())
                            .transactionManager(NoTransactionManager.INSTANCE);
                    // woken by the commits of this process instead of looking every 500 ms (CommitSignal)
                    return signal == null ? builder : builder.messageSource(signal.wrap(config.eventStore()));
                });
                // inside the transaction of the command whose events they handle, failing it when they fail: the
                // lookups; the pool process (its deadlines); the webhook outbox (every stored event queues its
                // deliveries); a delivered order's deals; the work a visit starts and the inbox notices; the tickets' service
                // deadlines and what tickets put in inboxes
                for (String group : List.of(CommandLookups.PROCESSING_GROUP, PoolProcess.PROCESSING_GROUP,
                        WebhookOutbox.PROCESSING_GROUP, DeliveredOrderDeals.PROCESSING_GROUP,
                        com.customerledger.command.workflow.VisitWorkflows.PROCESSING_GROUP,
                        com.customerledger.command.ticket.TicketSlaProcess.PROCESSING_GROUP,
                        com.customerledger.command.ticket.TicketNotices.PROCESSING_GROUP)) {
                    processing.registerSubscribingEventProcessor(group);
                    processing.registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
                }
                for (String projection : Projections.ALL) {
                    processing.registerListenerInvocationErrorHandler(projection, config -> PropagatingErrorHandler.instance());
                    // with no parked event of a customer known, its events need no look-up in the queue each
                    processing.registerDeadLetteringEventHandlerInvokerConfiguration(projection,
                            (config, invoker) -> invoker.enableSequenceIdentifierCache());
                    processing.registerDeadLetterQueue(projection, config -> MongoSequencedDeadLetterQueue.builder()
                            .processingGroup(projection)
                            .mongoTemplate(axonMongoTemplate)
                            .serializer(config.eventSerializer())
                            .transactionManager(NoTransactionManager.INSTANCE)
                            .build());
                    processing.registerErrorHandler(projection, config -> error -> {
                        progress.getObject().failed(projection, error.error(), clock.instant());
                        PropagatingErrorHandler.instance().handleError(error);
                    });
                }
            });
        };
    }
}
