package com.customerledger.query.policy;

import com.customerledger.events.AssignmentPolicyPublishedEvent;
import com.customerledger.events.AssignmentRule;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every version of the assignment rules, one document per version. */
@Component
@ProcessingGroup(Projections.POLICIES)
public class AssignmentPolicyProjection {

    @Document("assignment_policies")
    static class VersionDocument extends SequencedDocument {
        @Indexed
        int version;
        List<AssignmentRule> rules = new ArrayList<>();
        String publishedBy;

        AssignmentPolicyView toView() {
            return new AssignmentPolicyView(version, List.copyOf(rules), publishedBy, updatedAt);
        }
    }

    private final MongoTemplate mongo;

    public AssignmentPolicyProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AssignmentPolicyPublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, VersionDocument.class, "v" + event.version(), sequence, recordedAt,
                VersionDocument::new, document -> {
                    document.version = event.version();
                    document.rules = new ArrayList<>(event.rules());
                    document.publishedBy = event.publishedBy();
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, VersionDocument.class);
    }

    @QueryHandler
    AssignmentPolicyView handle(FindAssignmentPolicyQuery query) {
        VersionDocument newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "version")).limit(1),
                VersionDocument.class);
        return newest == null ? new AssignmentPolicyView(0, List.of(), null, null) : newest.toView();
    }

    @QueryHandler
    AssignmentPolicyVersions handle(ListAssignmentPolicyVersionsQuery query) {
        return new AssignmentPolicyVersions(mongo.find(new Query().with(Sort.by("version")), VersionDocument.class)
                .stream().map(VersionDocument::toView).toList());
    }
}
