package com.customerledger.query.policy;

import com.customerledger.events.PoolPolicySetEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.SequencedDocument;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The public-pool policy in force, one document. */
@Component
@ProcessingGroup(Projections.POLICIES)
public class PoolPolicyProjection {

    private static final String ID = "pool";

    @Document("pool_policy")
    static class PolicyDocument extends SequencedDocument {
        int version;
        int daysWithoutVisit;
        int daysWithoutDeal;
        int reminderDaysBefore;
        String setBy;
    }

    private final MongoTemplate mongo;

    public PoolPolicyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PoolPolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PolicyDocument.class, ID, sequence, recordedAt, PolicyDocument::new, document -> {
            document.version = event.version();
            document.daysWithoutVisit = event.daysWithoutVisit();
            document.daysWithoutDeal = event.daysWithoutDeal();
            document.reminderDaysBefore = event.reminderDaysBefore();
            document.setBy = event.setBy();
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PolicyDocument.class);
    }

    @QueryHandler
    PoolPolicyView handle(FindPoolPolicyQuery query) {
        PolicyDocument document = mongo.findById(ID, PolicyDocument.class);
        return document == null ? new PoolPolicyView(0, 0, 0, 0, null, null)
                : new PoolPolicyView(document.version, document.daysWithoutVisit, document.daysWithoutDeal,
                document.reminderDaysBefore, document.setBy, document.updatedAt());
    }
}
