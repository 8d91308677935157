package com.customerledger.query.ticket;

import com.customerledger.events.Region;
import com.customerledger.events.expert.ExpertRegisteredEvent;
import com.customerledger.events.ticket.ServiceDeadline;
import com.customerledger.events.ticket.TicketAssignedEvent;
import com.customerledger.events.ticket.TicketAwaitingAssignmentEvent;
import com.customerledger.events.ticket.TicketClosedEvent;
import com.customerledger.events.ticket.TicketEscalatedEvent;
import com.customerledger.events.ticket.TicketKind;
import com.customerledger.events.ticket.TicketOpenedEvent;
import com.customerledger.events.ticket.TicketReopenedEvent;
import com.customerledger.events.ticket.TicketResolvedEvent;
import com.customerledger.events.ticket.TicketRespondedEvent;
import com.customerledger.events.ticket.TicketSeverity;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.customer.CustomerProjection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Service tickets with their timelines and deadlines, the experts with their load, and which resolutions cite
 * which article (part of the activity projection). A ticket's deadline is overdue when it is pending and its due
 * time has passed: that is judged when the ticket is read, by the clock, not stored.
 */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class TicketProjection {

    static final List<String> OPEN_STATUSES = List.of("ASSIGNED", "IN_PROGRESS", "REOPENED");
    private static final String LEDGER = "system:service-policy";

    @Document("tickets")
    @CompoundIndex(name = "newest", def = "{'openedAt': -1}")
    @CompoundIndex(name = "of_customer", def = "{'customerId': 1, 'openedAt': -1}")
    @CompoundIndex(name = "of_expert", def = "{'assignedExpertId': 1, 'status': 1}")
    @CompoundIndex(name = "by_status", def = "{'status': 1, 'openedAt': -1}")
    static class TicketDocument extends SequencedDocument {
        String ticketId;
        String customerId;
        TicketKind kind;
        TicketSeverity severity;
        String subject;
        String description;
        String crop;
        String species;
        String status;
        String assignedExpertId;
        String awaitingAssignmentReason;
        String openedBy;
        Instant openedAt;
        int policyVersion;
        Instant firstResponseDueAt;
        Instant firstRespondedAt;
        Instant firstResponseEscalatedAt;
        Instant resolutionDueAt;
        Instant resolvedAt;
        Instant resolutionEscalatedAt;
        /** The due time of each deadline while it is pending (null once met): what {@code overdue} reads. */
        Instant firstResponsePendingUntil;
        Instant resolutionPendingUntil;
        String resolutionNote;
        String articleId;
        Integer satisfaction;
        int reopenings;
        List<EscalationView> escalations = new ArrayList<>();
        List<TicketStep> timeline = new ArrayList<>();

        TicketView view(Instant now) {
            return new TicketView(ticketId, customerId, kind, severity, subject, description, crop, species, status,
                    assignedExpertId, awaitingAssignmentReason, openedBy, openedAt, policyVersion,
                    deadline(firstResponseDueAt, firstRespondedAt, firstResponseEscalatedAt, firstResponsePendingUntil, now),
                    deadline(resolutionDueAt, resolvedAt, resolutionEscalatedAt, resolutionPendingUntil, now),
                    List.copyOf(escalations), resolutionNote, articleId, satisfaction, reopenings, List.copyOf(timeline),
                    updatedAt());
        }

        private static DeadlineView deadline(Instant dueAt, Instant metAt, Instant escalatedAt, Instant pendingUntil,
                                             Instant now) {
            if (dueAt == null) {
                return new DeadlineView(null, metAt, "NONE", null, false);
            }
            String state = metAt != null ? (metAt.isAfter(dueAt) ? "MISSED" : "MET") : escalatedAt != null ? "MISSED" : "PENDING";
            return new DeadlineView(dueAt, metAt, state, escalatedAt, pendingUntil != null && pendingUntil.isBefore(now));
        }

        void step(Instant at, String step, String by, String expertId, String detail) {
            timeline.add(new TicketStep(at, step, by, expertId, detail));
        }
    }

    @Document("experts")
    static class ExpertDocument extends SequencedDocument {
        String expertId;
        String name;
        List<Region> regions;
        List<String> crops;
        List<String> species;
        List<TicketKind> kinds;
        int capacity;
        String registeredBy;
        Instant registeredAt;
    }

    /** One resolution that cites an article (a ticket resolved again after a reopening cites anew). */
    @Document("article_citations")
    @CompoundIndex(name = "of_article", def = "{'articleId': 1}")
    static class CitationDocument extends SequencedDocument {
        String articleId;
        String ticketId;
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public TicketProjection(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private static String idOf(String ticketId) {
        return "ticket:" + ticketId;
    }

    private void update(String ticketId, long sequence, Instant recordedAt, Consumer<TicketDocument> change) {
        SequencedDocument.apply(mongo, TicketDocument.class, idOf(ticketId), sequence, recordedAt, null, change);
    }

    @EventHandler
    void on(ExpertRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ExpertDocument.class, "expert:" + event.expertId(), sequence, recordedAt,
                ExpertDocument::new, expert -> {
                    expert.expertId = event.expertId();
                    expert.name = event.name();
                    expert.regions = event.regions();
                    expert.crops = event.crops();
                    expert.species = event.species();
                    expert.kinds = event.kinds();
                    expert.capacity = event.capacity();
                    expert.registeredBy = event.registeredBy();
                    expert.registeredAt = recordedAt;
                });
    }

    @EventHandler
    void on(TicketOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, TicketDocument.class, idOf(event.ticketId()), sequence, recordedAt,
                TicketDocument::new, ticket -> {
                    ticket.ticketId = event.ticketId();
                    ticket.customerId = event.customerId();
                    ticket.kind = event.kind();
                    ticket.severity = event.severity();
                    ticket.subject = event.subject();
                    ticket.description = event.description();
                    ticket.crop = event.crop();
                    ticket.species = event.species();
                    ticket.status = "OPEN";
                    ticket.openedBy = event.openedBy();
                    ticket.openedAt = recordedAt;
                    ticket.policyVersion = event.policyVersion();
                    ticket.firstResponseDueAt = event.firstResponseDueAt();
                    ticket.firstResponsePendingUntil = event.firstResponseDueAt();
                    ticket.resolutionDueAt = event.resolutionDueAt();
                    ticket.resolutionPendingUntil = event.resolutionDueAt();
                    ticket.step(recordedAt, "OPENED", event.openedBy(), null, event.subject());
                });
    }

    @EventHandler
    void on(TicketAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.assignedExpertId = event.expertId();
            ticket.awaitingAssignmentReason = null;
            if ("OPEN".equals(ticket.status)) {
                ticket.status = "ASSIGNED";
            }
            ticket.step(recordedAt, "ASSIGNED", event.assignedBy(), event.expertId(), event.reason());
        });
    }

    @EventHandler
    void on(TicketAwaitingAssignmentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.awaitingAssignmentReason = event.reason();
            ticket.step(recordedAt, "AWAITING_ASSIGNMENT", null, null, event.reason());
        });
    }

    @EventHandler
    void on(TicketRespondedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.status = "IN_PROGRESS";
            if (event.first()) {
                ticket.firstRespondedAt = event.respondedAt();
                ticket.firstResponsePendingUntil = null;
            }
            ticket.step(recordedAt, "RESPONDED", event.respondedBy(), event.expertId(), event.note());
        });
    }

    @EventHandler
    void on(TicketResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.status = "RESOLVED";
            ticket.resolvedAt = event.resolvedAt();
            ticket.resolutionPendingUntil = null;
            ticket.resolutionNote = event.resolution();
            ticket.articleId = event.articleId();
            ticket.step(recordedAt, "RESOLVED", event.resolvedBy(), event.expertId(), event.articleId() == null
                    ? event.resolution() : event.resolution() + " (article " + event.articleId() + ")");
        });
        if (event.articleId() != null) {
            SequencedDocument.apply(mongo, CitationDocument.class, "citation:" + event.ticketId() + ":" + sequence, sequence,
                    recordedAt, CitationDocument::new, citation -> {
                        citation.articleId = event.articleId();
                        citation.ticketId = event.ticketId();
                    });
        }
    }

    @EventHandler
    void on(TicketClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.status = "CLOSED";
            ticket.satisfaction = event.satisfaction();
            ticket.step(recordedAt, "CLOSED", event.closedBy(), null, "satisfaction " + event.satisfaction());
        });
    }

    @EventHandler
    void on(TicketReopenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            ticket.status = "REOPENED";
            ticket.reopenings = event.reopening();
            ticket.satisfaction = null;
            ticket.resolvedAt = null;
            ticket.resolutionEscalatedAt = null;
            ticket.resolutionDueAt = event.resolutionDueAt();
            ticket.resolutionPendingUntil = event.resolutionDueAt();
            ticket.step(recordedAt, "REOPENED", event.reopenedBy(), event.expertId(), event.reason());
        });
    }

    @EventHandler
    void on(TicketEscalatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.ticketId(), sequence, recordedAt, ticket -> {
            if (event.deadline() == ServiceDeadline.FIRST_RESPONSE) {
                ticket.firstResponseEscalatedAt = recordedAt;
            } else {
                ticket.resolutionEscalatedAt = recordedAt;
            }
            ticket.escalations.add(new EscalationView(event.deadline(), event.dueAt(), recordedAt, event.expertId(),
                    event.round()));
            ticket.step(recordedAt, "ESCALATED", LEDGER, event.expertId(), event.deadline() + " was due at " + event.dueAt());
        });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, TicketDocument.class, ExpertDocument.class, CitationDocument.class);
    }

    /** How many resolutions cite the article. */
    public long citationsOf(String articleId) {
        return mongo.count(new Query(Criteria.where("articleId").is(articleId)), CitationDocument.class);
    }

    @QueryHandler
    Optional<TicketView> handle(FindTicketQuery query) {
        return Optional.ofNullable(mongo.findById(idOf(query.ticketId()), TicketDocument.class))
                .map(ticket -> ticket.view(clock.instant()));
    }

    @QueryHandler
    @ReadsFrom(Projections.CUSTOMERS)
    TicketPage handle(ListTicketsQuery query) {
        Instant now = clock.instant();
        List<Criteria> criteria = new ArrayList<>();
        if (query.status() != null) {
            criteria.add(Criteria.where("status").is(query.status()));
        }
        if (query.expertId() != null) {
            criteria.add(Criteria.where("assignedExpertId").is(query.expertId()));
        }
        if (query.customerId() != null) {
            criteria.add(Criteria.where("customerId").is(query.customerId()));
        }
        if (query.customerIds() != null) {
            criteria.add(Criteria.where("customerId").in(query.customerIds()));
        }
        if (query.visibleToRepId() != null) {
            criteria.add(Criteria.where("customerId").in(customersVisibleTo(query.visibleToRepId())));
        }
        if (query.overdue() != null) {
            Criteria overdue = new Criteria().orOperator(Criteria.where("firstResponsePendingUntil").lt(now),
                    Criteria.where("resolutionPendingUntil").lt(now));
            criteria.add(query.overdue() ? overdue : new Criteria().norOperator(overdue));
        }
        criteria.add(Criteria.where("ticketId").ne(null));
        Query find = new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(find, TicketDocument.class);
        find.with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id")))
                .skip(query.page().offset()).limit(query.page().size());
        return new TicketPage(mongo.find(find, TicketDocument.class).stream().map(ticket -> ticket.view(now)).toList(),
                query.page().page(), query.page().size(), total);
    }

    /** The customers a rep may see: its own, those it collaborates on and those in the pool (the customer view's rule). */
    private List<String> customersVisibleTo(String repId) {
        Query visible = new Query(new Criteria().orOperator(Criteria.where("ownerRepId").is(repId),
                Criteria.where("collaboratorIds").is(repId), Criteria.where("inPool").is(true)));
        visible.fields().include("_id");
        return mongo.find(visible, org.bson.Document.class, CustomerProjection.COLLECTION).stream()
                .map(document -> document.get("_id").toString()).toList();
    }

    @QueryHandler
    List<ExpertView> handle(ListExpertsQuery query) {
        return mongo.find(new Query().with(Sort.by("expertId")), ExpertDocument.class).stream()
                .map(expert -> new ExpertView(expert.expertId, expert.name, expert.regions, expert.crops, expert.species,
                        expert.kinds, expert.capacity, mongo.count(new Query(new Criteria().andOperator(
                                Criteria.where("assignedExpertId").is(expert.expertId),
                                Criteria.where("status").in(OPEN_STATUSES))), TicketDocument.class),
                        expert.registeredBy, expert.registeredAt)).toList();
    }
}
