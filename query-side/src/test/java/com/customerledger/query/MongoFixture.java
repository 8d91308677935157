package com.customerledger.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-memory MongoDB-protocol server, a template on it, and a way to feed a projection events as its processor would. */
public final class MongoFixture implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate template;
    private Instant clock = Instant.parse("2026-03-01T08:00:00Z");

    public MongoFixture() {
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        template = new MongoTemplate(client, "test");
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
        var message = new GenericDomainEventMessage<>("Aggregate", aggregateIdOf(event), sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recordedAt);
        try {
            new AnnotationEventHandlerAdapter(projection).handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aggregateIdOf(Object event) {
        for (String accessor : new String[] {"opportunityId"}) {
            try {
                return String.valueOf(event.getClass().getMethod(accessor).invoke(event));
            } catch (ReflectiveOperationException notThisKind) {
                // try the next kind of id
            }
        }
        try {
            return String.valueOf(event.getClass().getMethod("customerId").invoke(event));
        } catch (ReflectiveOperationException notACustomerEvent) {
            try {
                return String.valueOf(event.getClass().getMethod("repId").invoke(event));
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
