package com.customerledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CollaboratorAddedEvent;
import com.customerledger.events.CollaboratorRole;
import com.customerledger.events.CustomerClaimedEvent;
import com.customerledger.events.CustomerProfile;
import com.customerledger.events.CustomerRegisteredEvent;
import com.customerledger.events.CustomerType;
import com.customerledger.events.DealCreditMovedEvent;
import com.customerledger.events.DealRecordedEvent;
import com.customerledger.events.Region;
import com.customerledger.events.VisitChannel;
import com.customerledger.events.VisitRecordedEvent;
import com.customerledger.query.MongoFixture.Fed;
import com.customerledger.query.customer.CustomerProjection;
import com.customerledger.query.funnel.FunnelProjection;
import com.customerledger.query.visit.ActivityProjection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch of events (one unit of work) reads each collection it needs once and writes each document it
 * changed once; a redelivered batch changes nothing; and the documents come out byte for byte as when
 * every event is stored on its own. The reads and writes are counted from the commands the MongoDB
 * driver sends.
 */
class BatchWritesTest {

    private static final Instant T = Instant.parse("2026-03-01T08:00:00Z");
    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");
    private static final List<String> COLLECTIONS = List.of(CustomerProjection.COLLECTION, ActivityProjection.VISITS,
            ActivityProjection.DEALS);

    /** Per collection, the ids each write command named, and the number of finds. */
    private final Map<String, List<String>> writes = new ConcurrentHashMap<>();
    private final Map<String, Integer> finds = new ConcurrentHashMap<>();
    private final CommandListener counting = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            switch (event.getCommandName()) {
                case "find" -> finds.merge(command.getString("find").getValue(), 1, Integer::sum);
                case "update" -> command.getArray("updates").forEach(update -> written(command.getString("update").getValue(),
                        update.asDocument().getDocument("q").get("_id")));
                case "insert" -> command.getArray("documents").forEach(document -> written(
                        command.getString("insert").getValue(), document.asDocument().get("_id")));
                default -> {
                }
            }
        }
    };

    private MongoFixture batched;
    private MongoFixture oneByOne;

    private void written(String collection, BsonValue id) {
        writes.computeIfAbsent(collection, ignored -> new ArrayList<>())
                .add(id.isString() ? id.asString().getValue() : id.toString());
    }

    @BeforeEach
    void setUp() {
        batched = new MongoFixture(counting);
        oneByOne = new MongoFixture();
    }

    @AfterEach
    void tearDown() {
        batched.close();
        oneByOne.close();
    }

    private static List<Object> projectionsOf(MongoFixture mongo) {
        ActivityProjection activity = new ActivityProjection(mongo.template());
        return List.of(new CustomerProjection(mongo.template(), activity, new FunnelProjection(mongo.template()),
                Clock.systemUTC()), activity);
    }

    private static CustomerRegisteredEvent registered(String id, String name, String owner) {
        return CustomerRegisteredEvent.byPerson(id, new CustomerProfile(name, CustomerType.FARM, SHOUGUANG, null, null,
                "1380000" + Math.abs(id.hashCode() % 10000), List.of(), null, List.of(), List.of(), List.of(), null),
                owner, T, "manager");
    }

    private static VisitRecordedEvent visit(String customerId, String visitId, Instant at) {
        return new VisitRecordedEvent(customerId, visitId, "rep-a", at, VisitChannel.ON_SITE, "看了猪舍", "interested",
                at.plusSeconds(86_400), null, "rep-a", null, null);
    }

    private static DealRecordedEvent deal(String customerId, String dealId, String rep) {
        return new DealRecordedEvent(customerId, dealId, "FEED", new BigDecimal("1200.00"), new BigDecimal("180.00"), T,
                rep, rep);
    }

    /** Two customers, each with several events in the batch: registration, claim, role, visits and a deal whose credit moves. */
    private static List<Fed> history() {
        return List.of(
                new Fed(0, registered("c1", "绿源养殖场", null)),
                new Fed(0, registered("c2", "丰收合作社", "rep-a")),
                new Fed(1, new CustomerClaimedEvent("c1", "rep-a", T, "rep-a")),
                new Fed(2, new CollaboratorAddedEvent("c1", "rep-b", CollaboratorRole.EDITOR, "rep-a")),
                new Fed(3, visit("c1", "v1", T.plusSeconds(60))),
                new Fed(1, visit("c2", "v1", T.plusSeconds(120))),
                new Fed(4, visit("c1", "v2", T.plusSeconds(180))),
                new Fed(2, deal("c2", "d1", "rep-a")),
                new Fed(3, new DealCreditMovedEvent("c2", "d1", "rep-a", "rep-b", "e-1", "manager")));
    }

    @Test
    void aBatchReadsEachCollectionOnceAndWritesEachChangedDocumentOnce() {
        batched.feedBatch(projectionsOf(batched), history());

        assertThat(finds).containsOnlyKeys(CustomerProjection.COLLECTION).containsEntry(CustomerProjection.COLLECTION, 1);
        assertThat(writes.get(CustomerProjection.COLLECTION)).containsExactlyInAnyOrder("c1", "c2");
        assertThat(writes.get(ActivityProjection.VISITS)).containsExactlyInAnyOrder("c1/v1", "c2/v1", "c1/v2");
        assertThat(writes.get(ActivityProjection.DEALS)).containsExactly("c2/d1");
        assertThat(documents(batched).get(ActivityProjection.DEALS).get("c2/d1")).contains("\"creditedRepId\": \"rep-b\"");
    }

    @Test
    void aBatchStoresTheSameBytesAsStoringEveryEventOnItsOwn() {
        batched.feedBatch(projectionsOf(batched), history());
        List<Object> projections = projectionsOf(oneByOne);
        Instant at = T; // the fixtures' clock starts at T and moves a second per event
        for (Fed fed : history()) {
            at = at.plusSeconds(1);
            for (Object projection : projections) {
                if (new AnnotationEventHandlerAdapter(projection).canHandle(MongoFixture.message(fed.sequence(), fed.event(), at))) {
                    oneByOne.feedAt(projection, fed.sequence(), fed.event(), at);
                }
            }
        }
        assertThat(documents(batched)).isEqualTo(documents(oneByOne));
        assertThat(documents(batched).get(CustomerProjection.COLLECTION)).hasSize(2);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<Object> projections = projectionsOf(batched);
        List<EventMessage<?>> messages = new ArrayList<>();
        Instant at = T;
        for (Fed fed : history()) {
            at = at.plusSeconds(1);
            messages.add(MongoFixture.message(fed.sequence(), fed.event(), at));
        }
        batched.feedMessages(projections, messages);
        Map<String, Map<String, String>> first = documents(batched);
        writes.clear();
        finds.clear();

        batched.feedMessages(projections, messages);

        assertThat(finds).containsOnlyKeys(CustomerProjection.COLLECTION).containsEntry(CustomerProjection.COLLECTION, 1);
        assertThat(writes.get(CustomerProjection.COLLECTION)).as("customers already past these sequences").isNull();
        // visits and deals carry no sequence: each is rewritten with what it already holds, once
        assertThat(writes.get(ActivityProjection.VISITS)).containsExactlyInAnyOrder("c1/v1", "c2/v1", "c1/v2");
        assertThat(writes.get(ActivityProjection.DEALS)).containsExactly("c2/d1");
        assertThat(documents(batched)).isEqualTo(first);
    }

    @Test
    void aDealsCreditMovedInALaterBatchIsOneFieldSetAsAnUpdateWouldSetIt() {
        List<Fed> events = history();
        batched.feedBatch(projectionsOf(batched), events.subList(0, events.size() - 1));
        writes.clear();
        batched.feedBatch(projectionsOf(batched), events.subList(events.size() - 1, events.size()));

        assertThat(writes.get(ActivityProjection.DEALS)).containsExactly("c2/d1");
        Document deal = batched.template().getCollection(ActivityProjection.DEALS).find(new Document("_id", "c2/d1")).first();
        assertThat(deal.getString("creditedRepId")).isEqualTo("rep-b");
        assertThat(List.copyOf(deal.keySet())).containsExactly("_id", "dealId", "customerId", "productLine", "amount",
                "margin", "closedAt", "creditedRepId", "_class");
    }

    /** Per collection, per id, the stored JSON, in the field order the store keeps. */
    private static Map<String, Map<String, String>> documents(MongoFixture mongo) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            Map<String, String> byId = new TreeMap<>();
            for (Document document : mongo.template().getCollection(collection).find()) {
                byId.put(String.valueOf(document.get("_id")), document.toJson());
            }
            all.put(collection, byId);
        }
        return all;
    }
}
