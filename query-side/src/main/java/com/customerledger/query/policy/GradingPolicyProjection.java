package com.customerledger.query.policy;

import com.customerledger.events.GradeThreshold;
import com.customerledger.events.GradingPolicySetEvent;
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

/** The grading policy in force, one document. */
@Component
@ProcessingGroup(Projections.POLICIES)
public class GradingPolicyProjection {

    private static final String ID = "grading";

    @Document("grading_policy")
    static class PolicyDocument extends SequencedDocument {
        int version;
        GradeThreshold s;
        GradeThreshold a;
        GradeThreshold b;
        String setBy;
    }

    private final MongoTemplate mongo;

    public GradingPolicyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(GradingPolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PolicyDocument.class, ID, sequence, recordedAt, PolicyDocument::new, document -> {
            document.version = event.version();
            document.s = event.s();
            document.a = event.a();
            document.b = event.b();
            document.setBy = event.setBy();
        });
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), PolicyDocument.class);
    }

    @QueryHandler
    GradingPolicyView handle(FindGradingPolicyQuery query) {
        PolicyDocument document = mongo.findById(ID, PolicyDocument.class);
        return document == null ? new GradingPolicyView(0, null, null, null, null, null)
                : new GradingPolicyView(document.version, document.s, document.a, document.b, document.setBy,
                document.updatedAt());
    }
}
