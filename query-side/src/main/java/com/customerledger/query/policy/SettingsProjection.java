package com.customerledger.query.policy;

import com.customerledger.events.GradeThreshold;
import com.customerledger.events.GradingPolicySetEvent;
import com.customerledger.events.PoolPolicySetEvent;
import com.customerledger.events.ticket.ServicePolicySetEvent;
import com.customerledger.events.ticket.TicketSeverity;
import java.util.Map;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
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
import org.springframework.stereotype.Component;

/** The policies that are a single set of settings (pool, grading, service, reminders): one document each, the version in force. */
@Component
@ProcessingGroup(Projections.POLICIES)
public class SettingsProjection {

    private static final String POOL = "pool";
    private static final String GRADING = "grading";
    private static final String SERVICE = "service";
    private static final String REMINDERS = "reminders";

    @Document("pool_policy")
    static class PoolDocument extends SequencedDocument {
        int version;
        int daysWithoutVisit;
        int daysWithoutDeal;
        int reminderDaysBefore;
        String setBy;
    }

    @Document("grading_policy")
    static class GradingDocument extends SequencedDocument {
        int version;
        GradeThreshold s;
        GradeThreshold a;
        GradeThreshold b;
        String setBy;
    }

    @Document("service_policy")
    static class ServiceDocument extends SequencedDocument {
        int version;
        Map<TicketSeverity, String> firstResponse;
        Map<TicketSeverity, String> resolution;
        String setBy;
    }

    @Document("reminder_policy")
    static class ReminderDocument extends SequencedDocument {
        int version;
        Integer birthdayDaysBefore;
        Integer nextPurchaseDaysBefore;
        java.util.List<com.customerledger.events.reminder.ReminderCampaign> campaigns;
        String setBy;
    }

    private final MongoTemplate mongo;

    public SettingsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PoolPolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PoolDocument.class, POOL, sequence, recordedAt, PoolDocument::new, document -> {
            document.version = event.version();
            document.daysWithoutVisit = event.daysWithoutVisit();
            document.daysWithoutDeal = event.daysWithoutDeal();
            document.reminderDaysBefore = event.reminderDaysBefore();
            document.setBy = event.setBy();
        });
    }

    @EventHandler
    void on(GradingPolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, GradingDocument.class, GRADING, sequence, recordedAt, GradingDocument::new,
                document -> {
                    document.version = event.version();
                    document.s = event.s();
                    document.a = event.a();
                    document.b = event.b();
                    document.setBy = event.setBy();
                });
    }

    @EventHandler
    void on(ServicePolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ServiceDocument.class, SERVICE, sequence, recordedAt, ServiceDocument::new,
                document -> {
                    document.version = event.version();
                    document.firstResponse = event.firstResponse();
                    document.resolution = event.resolution();
                    document.setBy = event.setBy();
                });
    }

    @EventHandler
    void on(com.customerledger.events.reminder.ReminderPolicySetEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ReminderDocument.class, REMINDERS, sequence, recordedAt, ReminderDocument::new,
                document -> {
                    document.version = event.version();
                    document.birthdayDaysBefore = event.birthdayDaysBefore();
                    document.nextPurchaseDaysBefore = event.nextPurchaseDaysBefore();
                    document.campaigns = event.campaigns();
                    document.setBy = event.setBy();
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, ReminderDocument.class, PoolDocument.class, GradingDocument.class, ServiceDocument.class);
    }

    @QueryHandler
    ServicePolicyView handle(FindServicePolicyQuery query) {
        ServiceDocument document = mongo.findById(SERVICE, ServiceDocument.class);
        return document == null ? new ServicePolicyView(0, Map.of(), Map.of(), null, null)
                : new ServicePolicyView(document.version, new java.util.TreeMap<>(document.firstResponse),
                new java.util.TreeMap<>(document.resolution), document.setBy, document.updatedAt());
    }

    @QueryHandler
    PoolPolicyView handle(FindPoolPolicyQuery query) {
        PoolDocument document = mongo.findById(POOL, PoolDocument.class);
        return document == null ? new PoolPolicyView(0, 0, 0, 0, null, null)
                : new PoolPolicyView(document.version, document.daysWithoutVisit, document.daysWithoutDeal,
                document.reminderDaysBefore, document.setBy, document.updatedAt());
    }

    @QueryHandler
    ReminderPolicyView handle(FindReminderPolicyQuery query) {
        ReminderDocument document = mongo.findById(REMINDERS, ReminderDocument.class);
        return document == null ? new ReminderPolicyView(0, null, null, java.util.List.of(), null, null)
                : new ReminderPolicyView(document.version, document.birthdayDaysBefore, document.nextPurchaseDaysBefore,
                document.campaigns, document.setBy, document.updatedAt());
    }

    @QueryHandler
    GradingPolicyView handle(FindGradingPolicyQuery query) {
        GradingDocument document = mongo.findById(GRADING, GradingDocument.class);
        return document == null ? new GradingPolicyView(0, null, null, null, null, null)
                : new GradingPolicyView(document.version, document.s, document.a, document.b, document.setBy,
                document.updatedAt());
    }
}
