package com.customerledger.query.ownership;

import com.customerledger.events.CustomerOwnershipReversedEvent;
import com.customerledger.events.OwnershipChange;
import com.customerledger.events.PastOwnershipChangeReversedEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.SequencedDocument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Ownership history per customer, answering "who owned it then" and "what did we know then". */
@Component
@ProcessingGroup(Projections.OWNERSHIP)
public class OwnershipProjection {

    private final MongoTemplate mongo;

    public OwnershipProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(OwnershipChange change, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        CustomerOwnershipReversedEvent reversal = change instanceof CustomerOwnershipReversedEvent reversed ? reversed : null;
        record(change.customerId(), sequence, recordedAt, new OwnershipRecord(sequence, message.getIdentifier(),
                change.previousOwnerRepId(), change.newOwnerRepId(), reversal != null ? reversal.reason() : change.reasonCode(),
                change.effectiveAt(), recordedAt, change.authorizedBy(), change.rule(), change.batchId(),
                reversal != null ? reversal.reversedEventId() : null));
    }

    /** An earlier change voided: the record names it, and the timeline leaves it out from {@code recordedAt} on. */
    @EventHandler
    void on(PastOwnershipChangeReversedEvent event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        record(event.customerId(), sequence, recordedAt, new OwnershipRecord(sequence, message.getIdentifier(),
                event.fromRepId(), event.toRepId(), event.reason(), event.effectiveAt(), recordedAt, event.authorizedBy(),
                null, null, event.reversedEventId()));
    }

    private void record(String customerId, long sequence, Instant recordedAt, OwnershipRecord record) {
        SequencedDocument.apply(mongo, OwnershipDocument.class, customerId, sequence, recordedAt, OwnershipDocument::new,
                document -> document.records.add(record));
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, OwnershipDocument.class);
    }

    /** Reads every customer's history: answers "what did this rep own then" for audits, not for hot paths. */
    @QueryHandler
    BookAsOfView handle(FindBookAsOfQuery query) {
        Query involving = Query.query(org.springframework.data.mongodb.core.query.Criteria.where("records.toRepId")
                .is(query.repId()));
        List<BookAsOfView.Entry> owned = new java.util.ArrayList<>();
        for (OwnershipDocument document : mongo.find(involving.with(org.springframework.data.domain.Sort.by("_id")),
                OwnershipDocument.class)) {
            OwnershipTimeline.at(OwnershipTimeline.periods(document.records, query.knownAt()), query.asOf())
                    .filter(period -> query.repId().equals(period.repId()))
                    .ifPresent(period -> owned.add(new BookAsOfView.Entry(document.id(), period)));
        }
        List<BookAsOfView.Entry> page = owned.stream().skip(query.page().offset()).limit(query.page().size()).toList();
        return new BookAsOfView(query.repId(), query.asOf(), query.knownAt(),
                new BookAsOfView.Page(page, query.page().page(), query.page().size(), owned.size()));
    }

    @QueryHandler
    Optional<OwnershipView> handle(FindOwnershipQuery query) {
        return Optional.ofNullable(mongo.findById(query.customerId(), OwnershipDocument.class)).map(document -> {
            List<OwnershipPeriod> periods = OwnershipTimeline.periods(document.records, query.knownAt());
            OwnershipPeriod atAsOf = query.asOf() == null ? null : OwnershipTimeline.at(periods, query.asOf()).orElse(null);
            List<OwnershipView.Reversal> reversals = OwnershipTimeline.known(document.records, query.knownAt()).stream()
                    .filter(record -> record.reverses() != null)
                    .map(record -> new OwnershipView.Reversal(record.reverses(), record.eventId(), record.reason(),
                            record.authorizedBy(), record.recordedAt())).toList();
            return new OwnershipView(document.id(), query.asOf(), query.knownAt(), periods, atAsOf, reversals);
        });
    }
}
