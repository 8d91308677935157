package com.customerledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerledger.api.TestData;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The embedded read-model store keeps documents on file as BSON ({@link BsonDocumentType}); a file written by
 * the plain backend (Java serialization) is still read, and its documents are rewritten as BSON as they change.
 */
class BsonDocumentTypeTest {

    @Test
    void aDocumentIsWrittenAsBsonAndReadBackEqual() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "c-1")
                .append("name", "绿源养猪场").append("count", 3).append("big", 5_000_000_000L).append("share", 0.25)
                .append("active", true).append("none", null).append("at", Instant.parse("2026-12-03T10:15:30.123Z"))
                .append("tags", List.of("feed", "pig")).append("owner", new de.bwaldvogel.mongo.bson.Document("repId", "rep-a"));
        BsonDocumentType type = new BsonDocumentType();
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        type.write(buffer, 42L);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).as("a BSON value").isEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(type.read(written)).as("not a document: H2's own form").isEqualTo(42L);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aValueInH2sOwnFormIsReadAsH2ReadsIt() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "c-2").append("n", 7);
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(new BsonDocumentType().read(written)).isEqualTo(document);
    }

    @Test
    void everyKindOfValueSurvivesTheFileAndAFileOfThePlainBackendIsRewrittenAsItChanges() {
        Path file = TestData.newDirectory("read-model-bson-").resolve("read-models.mv");
        H2Backend plain = new H2Backend(file.toString());
        FastIndexTest.withCollection(plain, documents -> {
            for (int i = 0; i < 300; i++) {
                documents.insertOne(new Document("_id", "old-" + i).append("n", i));
            }
        });
        plain.close();

        List<Document> written = new ArrayList<>();
        ConsistentH2Backend backend = ConsistentH2Backend.open(file.toString(), Duration.ofHours(1));
        FastIndexTest.withCollection(backend, documents -> {
            for (int i = 0; i < 300; i++) {
                Document document = new Document("_id", "new-" + i).append("n", i).append("long", 1L << 40 | i)
                        .append("double", i / 4.0).append("decimal", Decimal128.parse("159.60"))
                        .append("flag", i % 2 == 0).append("none", null).append("at", new Date(1_764_756_930_000L + i))
                        .append("objectId", new ObjectId(new Date(1_764_756_930_000L), i))
                        .append("bytes", new Binary(new byte[] {1, 2, (byte) i}))
                        .append("list", List.of("a", i, List.of(true))).append("nested", new Document("repId", "rep-" + i))
                        .append("text", "客户" + i);
                documents.insertOne(document);
                written.add(document);
            }
            // half of the old documents change: their pages are written again
            documents.updateMany(Filters.and(Filters.regex("_id", "^old-"), Filters.lt("n", 150)), Updates.inc("n", 1000));
        });
        backend.close();

        ConsistentH2Backend reopened = ConsistentH2Backend.open(file.toString(), Duration.ofHours(1));
        FastIndexTest.withCollection(reopened, documents -> {
            assertThat(documents.find(Filters.regex("_id", "^new-")).sort(Sorts.ascending("n")).into(new ArrayList<>()))
                    .isEqualTo(written);
            List<Integer> old = documents.find(Filters.regex("_id", "^old-")).sort(Sorts.ascending("_id"))
                    .map(document -> document.getInteger("n")).into(new ArrayList<>());
            assertThat(old).hasSize(300).contains(1000, 1149, 150, 299).doesNotContain(0, 149);
        });
        reopened.close();

        // BSON on file, which H2's own type does not read
        try (MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            MVMap<Object, Object> stored = raw.openMap("databases.ledger.documents");
            assertThatThrownBy(() -> stored.values().forEach(value -> { })).hasMessageContaining("Unknown tag 127");
        }
    }

    @Test
    void aQueryForAListOfIdsFindsWhatTheServerWouldFind() {
        Path file = TestData.newDirectory("read-model-ids-").resolve("read-models.mv");
        ConsistentH2Backend backend = ConsistentH2Backend.open(file.toString(), Duration.ofHours(1));
        FastIndexTest.withCollection(backend, documents -> {
            for (int i = 0; i < 50; i++) {
                documents.insertOne(new Document("_id", "c" + i).append("n", i));
            }
            documents.insertOne(new Document("_id", 7).append("n", -7));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i += 3) {
                ids.add("c" + i);
                ids.add("customer:c" + i);
            }
            assertThat(documents.find(Filters.in("_id", ids)).map(document -> document.getInteger("n"))
                    .into(new ArrayList<>())).containsExactlyInAnyOrder(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36,
                    39, 42, 45, 48);
            assertThat(documents.find(Filters.in("_id", List.of("7", "c1"))).map(document -> document.getInteger("n"))
                    .into(new ArrayList<>())).as("a text never equals a number").containsExactly(1);
            assertThat(documents.find(Filters.in("_id", List.of(7, "c2"))).map(document -> document.getInteger("n"))
                    .into(new ArrayList<>())).as("a list not all texts: matched as the server matches")
                    .containsExactlyInAnyOrder(-7, 2);
            assertThat(documents.find(Filters.and(Filters.in("_id", List.of("c4", "c5")), Filters.gt("n", 4)))
                    .map(document -> document.getInteger("n")).into(new ArrayList<>())).containsExactly(5);
            assertThat(documents.countDocuments(Filters.in("_id", List.of()))).isZero();
        });
        backend.close();
    }
}
