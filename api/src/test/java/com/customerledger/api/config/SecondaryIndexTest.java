package com.customerledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.api.TestData;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The read-model store's non-unique indexes ({@link MemorySecondaryIndex}) must change how fast a query is
 * answered, never what it answers: the same inserts, updates and deletes, on a store with the indexes and
 * on the plain server (which scans), give the same documents in the same order for every query, before and
 * after the store is opened again (the indexes are built from the file then).
 */
class SecondaryIndexTest {

    private static final List<String> OWNERS = List.of("rep-a", "rep-b", "rep-c", "rep-d");

    @Test
    void answersAreThoseOfAScanThroughInsertsUpdatesDeletesAndAReopen() {
        Path dir = TestData.newDirectory("secondary-index-");
        String indexed = dir.resolve("indexed.mv").toString();
        String plain = dir.resolve("plain.mv").toString();
        List<Consumer<MongoCollection<Document>>> operations = operations(new Random(5));

        List<List<String>> scanned = new ArrayList<>();
        H2Backend plainBackend = new H2Backend(plain);
        FastIndexTest.withCollection(plainBackend, documents -> {
            operations.forEach(operation -> operation.accept(documents));
            scanned.addAll(answers(documents));
        });
        plainBackend.close();
        assertThat(scanned.stream().filter(answer -> !answer.isEmpty()).count()).as("the queries find documents")
                .isGreaterThan(12);

        ConsistentH2Backend backend = ConsistentH2Backend.open(indexed, Duration.ofHours(1));
        FastIndexTest.withCollection(backend, documents -> {
            createIndexes(documents);
            operations.forEach(operation -> operation.accept(documents));
            assertThat(answers(documents)).isEqualTo(scanned);
        });
        backend.close();

        ConsistentH2Backend reopened = ConsistentH2Backend.open(indexed, Duration.ofHours(1));
        FastIndexTest.withCollection(reopened, documents -> {
            assertThat(answers(documents)).as("indexes built from the file").isEqualTo(scanned);
            createIndexes(documents); // the application asks for them again at every start
            assertThat(answers(documents)).isEqualTo(scanned);
        });
        reopened.close();
    }

    @Test
    void anIndexNarrowsEqualityAndInOnItsFirstFieldOnlyAndReturnsPositionsInKeyOrder() {
        MemorySecondaryIndex index = new MemorySecondaryIndex("owner_1", List.of(new IndexKey("owner", true),
                new IndexKey("at", false)), false, new ObjectDataType()::compare, new MemorySecondaryIndex.Filling(List::of));
        index.add(doc("c-3", "rep-a"), "c-3", null);
        index.add(doc("c-1", "rep-a"), "c-1", null);
        index.add(doc("c-2", "rep-b"), "c-2", null);
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "c-4").append("owner", List.of("rep-b", "rep-c")), "c-4", null);
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "c-5").append("owner", 7), "c-5", null);

        assertThat(index.getPositions(query("owner", "rep-a"))).containsExactly("c-1", "c-3");
        assertThat(index.getPositions(query("owner", new de.bwaldvogel.mongo.bson.Document("$in", List.of("rep-c", "rep-a")))))
                .containsExactly("c-1", "c-3", "c-4");
        assertThat(index.getPositions(query("owner", "rep-z"))).isEmpty();
        assertThat(index.canHandle(query("owner", 7))).as("numbers are left to the scan").isFalse();
        assertThat(index.canHandle(query("owner", true))).as("booleans are indexed").isTrue();
        assertThat(index.canHandle(query("owner", null))).isFalse();
        assertThat(index.canHandle(query("owner", new de.bwaldvogel.mongo.bson.Document("$gt", "rep-a")))).isFalse();
        assertThat(index.canHandle(query("at", "x"))).as("only the first field").isFalse();
        assertThat(index.getPositions(query("$and", List.of(query("at", "x"), query("owner", "rep-b")))))
                .as("a clause of an $and").containsExactly("c-2", "c-4");
        assertThat(index.canHandle(query("$or", List.of(query("owner", "rep-b"))))).as("not an $or").isFalse();

        index.updateInPlace(doc("c-1", "rep-a"), doc("c-1", "rep-b"), "c-1", null);
        assertThat(index.getPositions(query("owner", "rep-b"))).containsExactly("c-1", "c-2", "c-4");
        assertThat(index.remove(doc("c-3", "rep-a"))).isEqualTo("c-3");
        assertThat(index.getPositions(query("owner", "rep-a"))).isEmpty();
        assertThat(index.getCount()).isEqualTo(4); // c-1, c-2, and c-4 twice
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String id, String owner) {
        return new de.bwaldvogel.mongo.bson.Document("_id", id).append("owner", owner);
    }

    private static de.bwaldvogel.mongo.bson.Document query(String field, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(field, value);
    }

    private static void createIndexes(MongoCollection<Document> documents) {
        documents.createIndex(Indexes.ascending("owner"));
        documents.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("closedAt")),
                new IndexOptions().name("deals_of_customer"));
        documents.createIndex(Indexes.ascending("tags"));
        documents.createIndex(Indexes.ascending("region.province"));
        documents.createIndex(Indexes.ascending("items.sku"));
        documents.createIndex(Indexes.compoundIndex(Indexes.ascending("inPool"), Indexes.ascending("owner")));
    }

    /** Random inserts, updates and deletes of documents whose indexed fields are texts, numbers, nulls, missing, arrays. */
    private static List<Consumer<MongoCollection<Document>>> operations(Random random) {
        List<Consumer<MongoCollection<Document>>> operations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String id = "d-" + random.nextInt(150);
            int kind = random.nextInt(10);
            Document document = document(id, random);
            if (kind < 5) {
                operations.add(documents -> documents.replaceOne(Filters.eq("_id", id), document,
                        new com.mongodb.client.model.ReplaceOptions().upsert(true)));
            } else if (kind < 7) {
                String owner = OWNERS.get(random.nextInt(OWNERS.size()));
                operations.add(documents -> documents.updateOne(Filters.eq("_id", id), Updates.set("owner", owner)));
            } else if (kind < 8) {
                operations.add(documents -> documents.updateOne(Filters.eq("_id", id), Updates.unset("owner")));
            } else if (kind < 9) {
                String owner = OWNERS.get(random.nextInt(OWNERS.size()));
                operations.add(documents -> documents.updateMany(Filters.eq("owner", owner), Updates.set("tags", List.of("moved"))));
            } else {
                operations.add(documents -> documents.deleteOne(Filters.eq("_id", id)));
            }
        }
        return operations;
    }

    private static Document document(String id, Random random) {
        Document document = new Document("_id", id);
        switch (random.nextInt(6)) {
            case 0 -> document.append("owner", random.nextInt(3));
            case 1 -> document.append("owner", null);
            case 2 -> { }
            default -> document.append("owner", OWNERS.get(random.nextInt(OWNERS.size())));
        }
        document.append("customerId", "c-" + random.nextInt(10)).append("closedAt", new java.util.Date(random.nextInt(1000) * 1000L));
        if (random.nextBoolean()) {
            document.append("tags", List.of("t" + random.nextInt(4), "t" + random.nextInt(4)));
        } else {
            document.append("tags", "t" + random.nextInt(4));
        }
        document.append("region", new Document("province", "p" + random.nextInt(3)));
        switch (random.nextInt(4)) {
            case 0 -> document.append("inPool", true);
            case 1 -> document.append("inPool", false);
            case 2 -> document.append("inPool", 1);
            default -> { }
        }
        document.append("items", List.of(new Document("sku", "s" + random.nextInt(5)), new Document("sku", "s" + random.nextInt(5))));
        return document;
    }

    /** Each query's documents' ids, in the order the server returns them. */
    private static List<List<String>> answers(MongoCollection<Document> documents) {
        List<Bson> filters = new ArrayList<>();
        for (String owner : OWNERS) {
            filters.add(Filters.eq("owner", owner));
        }
        filters.add(Filters.in("owner", "rep-a", "rep-c"));
        filters.add(Filters.eq("owner", 1));
        filters.add(Filters.eq("owner", null));
        filters.add(Filters.and(Filters.eq("owner", "rep-b"), Filters.eq("customerId", "c-3")));
        filters.add(Filters.and(Filters.eq("customerId", "c-2"), Filters.gte("closedAt", new java.util.Date(400_000))));
        filters.add(Filters.eq("customerId", "c-5"));
        filters.add(Filters.eq("tags", "t1"));
        filters.add(Filters.eq("tags", "moved"));
        filters.add(Filters.eq("region.province", "p2"));
        filters.add(Filters.eq("items.sku", "s3"));
        filters.add(Filters.eq("items.0.sku", "s3"));
        filters.add(Filters.in("owner", List.of()));
        filters.add(Filters.eq("inPool", true));
        filters.add(Filters.eq("inPool", false));
        filters.add(Filters.in("inPool", true, "rep-a"));
        filters.add(Filters.eq("inPool", 1));
        // Spring Data's andOperator, as the customer queries build them
        filters.add(new Document("$and", List.of(new Document("owner", "rep-b"), new Document("tags", "t2"))));
        filters.add(new Document("$and", List.of(new Document("closedAt", new Document("$gte", new java.util.Date(300_000))),
                new Document("$and", List.of(new Document("customerId", "c-4"))))));
        filters.add(new Document("$and", List.of(new Document("$or", List.of(new Document("owner", "rep-a"),
                new Document("inPool", true))), new Document("region.province", "p1"))));
        List<List<String>> answers = new ArrayList<>();
        for (Bson filter : filters) {
            answers.add(ids(documents.find(filter)));
            answers.add(ids(documents.find(filter).sort(Sorts.descending("closedAt", "_id")).skip(1).limit(3)));
            answers.add(List.of(String.valueOf(documents.countDocuments(filter))));
        }
        return answers;
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
