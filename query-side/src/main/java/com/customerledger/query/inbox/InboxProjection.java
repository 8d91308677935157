package com.customerledger.query.inbox;

import com.customerledger.events.inbox.InboxItemDoneEvent;
import com.customerledger.events.inbox.InboxItemKind;
import com.customerledger.events.inbox.InboxItemOpenedEvent;
import com.customerledger.events.inbox.InboxRecipient;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
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
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Every user's tasks and notices (part of the activity projection). */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class InboxProjection {

    @org.springframework.data.mongodb.core.mapping.Document("inbox_items")
    @CompoundIndex(name = "rep_open", def = "{'recipientRepId': 1, 'done': 1, 'dueAt': 1}")
    @CompoundIndex(name = "user_open", def = "{'recipientUserId': 1, 'done': 1, 'dueAt': 1}")
    @CompoundIndex(name = "role_open", def = "{'recipientRole': 1, 'done': 1, 'dueAt': 1}")
    static class ItemDocument extends SequencedDocument {
        String inboxItemId;
        String recipientRepId;
        String recipientUserId;
        String recipientRole;
        InboxItemKind kind;
        String customerId;
        String subjectId;
        String title;
        String detail;
        Instant dueAt;
        Instant openedAt;
        boolean done;
        String doneBy;
        Instant doneAt;

        InboxItemView view() {
            return new InboxItemView(inboxItemId, kind, new InboxRecipient(recipientRepId, recipientUserId, recipientRole),
                    customerId, subjectId, title, detail, dueAt, openedAt, done, doneBy, doneAt);
        }
    }

    private final MongoTemplate mongo;

    public InboxProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static String idOf(String inboxItemId) {
        return "inbox:" + inboxItemId;
    }

    @EventHandler
    void on(InboxItemOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ItemDocument.class, idOf(event.inboxItemId()), sequence, recordedAt,
                ItemDocument::new, item -> {
                    item.inboxItemId = event.inboxItemId();
                    item.recipientRepId = event.recipient().repId();
                    item.recipientUserId = event.recipient().userId();
                    item.recipientRole = event.recipient().role();
                    item.kind = event.kind();
                    item.customerId = event.customerId();
                    item.subjectId = event.subjectId();
                    item.title = event.title();
                    item.detail = event.detail();
                    item.dueAt = event.dueAt();
                    item.openedAt = recordedAt;
                });
    }

    @EventHandler
    void on(InboxItemDoneEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ItemDocument.class, idOf(event.inboxItemId()), sequence, recordedAt, null, item -> {
            item.done = true;
            item.doneBy = event.doneBy();
            item.doneAt = recordedAt;
        });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, ItemDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    InboxPage handle(FindInboxQuery query) {
        List<Criteria> recipients = new ArrayList<>();
        if (query.repId() != null) {
            recipients.add(Criteria.where("recipientRepId").is(query.repId()));
        }
        recipients.add(Criteria.where("recipientUserId").is(query.userId()));
        if (!query.roles().isEmpty()) {
            recipients.add(Criteria.where("recipientRole").in(query.roles()));
        }
        Criteria criteria = new Criteria().orOperator(recipients);
        List<Criteria> filters = new ArrayList<>(List.of(criteria));
        if (!query.includeDone()) {
            filters.add(Criteria.where("done").is(false));
        }
        if (query.kind() != null) {
            filters.add(Criteria.where("kind").is(query.kind()));
        }
        Query find = new Query(new Criteria().andOperator(filters));
        long total = mongo.count(find, ItemDocument.class);
        // nulls first in MongoDB's ascending order: an undated notice before the dated tasks, newest first among them
        find.with(Sort.by(Sort.Order.asc("done"), Sort.Order.asc("dueAt"), Sort.Order.desc("openedAt"), Sort.Order.asc("_id")))
                .skip(query.page().offset()).limit(query.page().size());
        return new InboxPage(mongo.find(find, ItemDocument.class).stream().map(ItemDocument::view).toList(),
                query.page().page(), query.page().size(), total);
    }
}
