package com.customerledger.query;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-memory MongoDB-protocol server, a template on it, and a way to feed a projection events as its processor would. */
public final class MongoFixture implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");

    public MongoFixture() {
        this(null);
    }

    /** With {@code listener} told of every command the template sends (to count reads and writes). */
    public MongoFixture(CommandListener listener) {
        var address = server.bind();
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
        template = new MongoTemplate(client, "test");
    }

    /** An event of a batch: the event at {@code sequence} of its aggregate. */
    public record Fed(long sequence, Object event) {
    }

    /**
     * Delivers {@code events} as one batch, as a pooled streaming processor does: one unit of work
     * ({@link BatchingUnitOfWork}) whose messages each {@code projections} handles in turn, committed at the end.
     */
    public void feedBatch(List<?> projections, List<Fed> events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Fed fed : events) {
            clock = clock.plusSeconds(1);
            messages.add(message(fed.sequence(), fed.event(), clock));
        }
        feedMessages(projections, messages);
    }

    /** Delivers {@code messages} (made by an earlier {@link #feedBatch}, say) again as one batch. */
    public void feedMessages(List<?> projections, List<EventMessage<?>> messages) {
        List<AnnotationEventHandlerAdapter> adapters = projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        var result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> message = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    /** The message {@link #feedAt} delivers. */
    public static EventMessage<?> message(long sequence, Object event, Instant recordedAt) {
        return new GenericDomainEventMessage<>("Aggregate", aggregateIdOf(event), sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recordedAt);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Delivers {@code event} as the event at {@code sequence} of its aggregate, recorded a second after the last. */
    public void feed(Object projection, long sequence, Object event) {
        clock = clock.plusSeconds(1);
        feedAt(projection, sequence, event, clock);
    }

    /** Delivers {@code event} as recorded at {@code recordedAt}. */
    public void feedAt(Object projection, long sequence, Object event, Instant recordedAt) {
        var message = message(sequence, event, recordedAt);
        try {
            new AnnotationEventHandlerAdapter(projection).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The aggregate id as the command side spells it: the kind, a colon and the id ("customer:c1"). */
    private static String aggregateIdOf(Object event) {
        for (String accessor : new String[] {"opportunityId"}) {
            try {
                return "opportunity:" + event.getClass().getMethod(accessor).invoke(event);
            } catch (ReflectiveOperationException notThisKind) {
                // try the next kind of id
            }
        }
        try {
            return "customer:" + event.getClass().getMethod("customerId").invoke(event);
        } catch (ReflectiveOperationException notACustomerEvent) {
            try {
                return "rep:" + event.getClass().getMethod("repId").invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("no aggregate id on " + event, e);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
