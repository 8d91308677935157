package com.customerledger.query.customer;

import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRemovedEvent;
import com.customerledger.events.CustomerPoolReminderIssuedEvent;
import com.customerledger.events.CustomerGradeChangedEvent;
import com.customerledger.events.CustomerProfileUpdatedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.funnel.FunnelProjection;
import com.customerledger.query.visit.ActivityProjection;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.query.GroupCounts;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The customer 360 view, customer search and rep portfolios, one MongoDB document per customer.
 * Idempotent: each document remembers the last aggregate sequence number applied and skips older events.
 */
@Component
@ProcessingGroup(Projections.CUSTOMERS)
public class CustomerProjection {

    /** The collection of customer documents; other projections may count in it, never write to it. */
    public static final String COLLECTION = "customers";
    /** The index of the whole list in name order (declared on {@link CustomerDocument}); it counts the list too. */
    static final String BY_NAME = "by_name";

    private final MongoTemplate mongo;
    private final ActivityProjection activity;
    private final FunnelProjection funnel;
    private final Clock clock;

    public CustomerProjection(MongoTemplate mongo, ActivityProjection activity, FunnelProjection funnel, Clock clock) {
        this.mongo = mongo;
        this.activity = activity;
        this.funnel = funnel;
        this.clock = clock;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, CustomerDocument.class, event.customerId(), sequence, recordedAt,
                CustomerDocument::new, document -> {
                    document.apply(event.profile());
                    document.registeredAt = recordedAt;
                    document.registeredBy = event.registeredBy();
                    document.assignedByRule = event.rule();
                    document.unassignedReason = event.unassignedReason();
                    applyOwnership(document, event);
                });
    }

    /** Claims, transfers and releases; Axon calls the most specific handler, so registrations go to the one above. */
    @EventHandler
    void on(OwnershipChange change, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(change.customerId(), sequence, recordedAt, document -> applyOwnership(document, change));
    }

    private static void applyOwnership(CustomerDocument document, OwnershipChange change) {
        document.ownerRepId = change.newOwnerRepId();
        document.inPool = change.newOwnerRepId() == null;
        document.ownerSince = change.effectiveAt();
        if (change.newOwnerRepId() != null) {
            document.removeCollaborator(change.newOwnerRepId());
        }
    }

    @EventHandler
    void on(CustomerProfileUpdatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.customerId(), sequence, recordedAt, document -> document.apply(event.profile()));
    }

    @EventHandler
    void on(CollaboratorAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.customerId(), sequence, recordedAt, document -> document.putCollaborator(event.repId(), event.role()));
    }

    @EventHandler
    void on(CollaboratorRemovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.customerId(), sequence, recordedAt, document -> document.removeCollaborator(event.repId()));
    }

    @EventHandler
    void on(CustomerPoolReminderIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, CustomerDocument.class, event.customerId(), sequence, recordedAt, null,
                document -> document.poolReleaseDueAt = event.releaseAt());
    }

    @EventHandler
    void on(VisitRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.customerId(), sequence, recordedAt, document -> {
            if (document.lastVisitAt == null || !event.visitedAt().isBefore(document.lastVisitAt)) {
                document.lastVisitAt = event.visitedAt();
                document.nextFollowUpAt = event.nextFollowUpAt();
            }
        });
    }

    /** Grading is not activity: it restarts no pool deadline, so a pending pool warning stays. */
    @EventHandler
    void on(CustomerGradeChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, CustomerDocument.class, event.customerId(), sequence, recordedAt, null, document -> {
            document.grade = event.to();
            document.gradeHistory.add(new GradeChangeView(event.from(), event.to(), event.inputs(), event.policyVersion(),
                    event.manual(), event.reason(), event.changedBy(), recordedAt));
        });
    }

    @EventHandler
    void on(DealRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.customerId(), sequence, recordedAt, document -> {
        });
    }

    /** Any change but a reminder is activity, which takes back a pending pool warning. */
    private void update(String customerId, long sequence, Instant recordedAt, Consumer<CustomerDocument> change) {
        SequencedDocument.apply(mongo, CustomerDocument.class, customerId, sequence, recordedAt, null,
                change.andThen(document -> document.poolReleaseDueAt = null));
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, CustomerDocument.class);
    }

    @QueryHandler
    @ReadsFrom({Projections.ACTIVITY, Projections.FUNNEL})
    Optional<CustomerView> handle(FindCustomerQuery query) {
        Instant yearAgo = clock.instant().atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        return Optional.ofNullable(mongo.findById(query.customerId(), CustomerDocument.class)).map(CustomerDocument::toView)
                .map(view -> view.withActivity(activity.dealsSince(view.customerId(), yearAgo), funnel.openOf(view.customerId())))
                .map(this::withNextPurchase);
    }

    @QueryHandler
    CustomerPage handle(SearchCustomersQuery query) {
        List<Criteria> criteria = criteriaOf(query.filter());
        if (query.visibleToRepId() != null) {
            String rep = query.visibleToRepId();
            criteria.add(new Criteria().orOperator(Criteria.where("ownerRepId").is(rep),
                    Criteria.where("collaboratorIds").is(rep), Criteria.where("inPool").is(true)));
        }
        return page(criteria, query.page());
    }

    private CustomerView withNextPurchase(CustomerView view) {
        return view.withNextPurchase(com.customerledger.query.order.SalesQueries.nextPurchase(mongo, view.customerId(),
                view.scale(), view.species()));
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    PortfolioView handle(FindPortfolioQuery query) {
        List<Criteria> owned = criteriaOf(query.filter());
        owned.add(Criteria.where("ownerRepId").is(query.repId()));
        if (query.followUpDueBefore() != null) {
            owned.add(Criteria.where("nextFollowUpAt").lt(query.followUpDueBefore()));
        }
        List<Criteria> collaborating = criteriaOf(query.filter());
        collaborating.add(Criteria.where("collaboratorIds").is(query.repId()));
        CustomerPage book = page(owned, query.page());
        Map<String, CustomerView> byId = new java.util.LinkedHashMap<>();
        book.items().forEach(view -> byId.put(view.customerId(), view));
        Map<String, com.customerledger.events.order.NextPurchase> next = com.customerledger.query.order.SalesQueries
                .nextPurchases(mongo, List.copyOf(byId.keySet()), id -> byId.get(id).scale(), id -> byId.get(id).species());
        return new PortfolioView(query.repId(), new CustomerPage(book.items().stream()
                .map(view -> view.withNextPurchase(next.get(view.customerId()))).toList(),
                book.page(), book.size(), book.total()), page(collaborating, query.page()));
    }

    @QueryHandler
    GradeCounts handle(GradeCountsQuery query) {
        String field = query.by() == GradeCountsQuery.By.rep ? "ownerRepId" : "region.province";
        Map<String, Map<String, Long>> counts = GroupCounts.table(GroupCounts.of(mongo, COLLECTION, field, "grade"),
                "POOL", "UNGRADED");
        return new GradeCounts(query.by().name(), counts.entrySet().stream()
                .map(entry -> new GradeCounts.Row(entry.getKey(), entry.getValue(),
                        entry.getValue().values().stream().mapToLong(Long::longValue).sum())).toList());
    }

    private CustomerPage page(List<Criteria> criteria, com.customerledger.query.PageRequest page) {
        Query query = criteria.isEmpty() ? new Query().withHint(BY_NAME) : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, CustomerDocument.class);
        query.with(Sort.by("name", "_id")).skip(page.offset()).limit(page.size());
        List<CustomerView> items = mongo.find(query, CustomerDocument.class).stream().map(CustomerDocument::toView).toList();
        return new CustomerPage(items, page.page(), page.size(), total);
    }

    private static List<Criteria> criteriaOf(CustomerFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        if (filter.q() != null && !filter.q().isBlank()) {
            String term = SearchText.fold(filter.q());
            criteria.add(new Criteria().orOperator(
                    Criteria.where("searchName").regex(Pattern.quote(term)),
                    Criteria.where("phone").regex(Pattern.quote(filter.q().trim())),
                    Criteria.where("creditCode").is(filter.q().trim().toUpperCase(java.util.Locale.ROOT))));
        }
        if (filter.type() != null) {
            criteria.add(Criteria.where("type").is(filter.type()));
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            String[] parts = filter.region().split("/");
            String[] fields = {"region.province", "region.city", "region.county"};
            for (int i = 0; i < Math.min(parts.length, fields.length); i++) {
                criteria.add(Criteria.where(fields[i]).is(parts[i].trim()));
            }
        }
        if (filter.ownerRepId() != null) {
            criteria.add(Criteria.where("ownerRepId").is(filter.ownerRepId()));
        }
        if (filter.inPool() != null) {
            criteria.add(Criteria.where("inPool").is(filter.inPool()));
        }
        if (filter.grade() != null) {
            criteria.add(Criteria.where("grade").is(filter.grade()));
        }
        return criteria;
    }
}
