package com.customerledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerledger.api.TestData;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The read-model store's unique indexes compare keys with {@link ConsistentH2Backend.SerializedKeyOrder}
 * instead of H2's own type: the order must be H2's exactly, or the B-trees of an existing file would
 * be searched wrongly.
 */
class FastIndexTest {

    @Test
    void keysAreOrderedExactlyAsH2OrdersThem() {
        Random random = new Random(11);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 5) {
                case 0 -> new KeyValue("c-" + random.nextInt(1000));
                case 1 -> new KeyValue(random.nextInt(1000));
                case 2 -> new KeyValue(random.nextLong());
                case 3 -> new KeyValue("rep-" + random.nextInt(50), random.nextDouble());
                default -> new KeyValue((Object) null);
            });
        }
        ObjectDataType h2 = new ObjectDataType();
        ConsistentH2Backend.SerializedKeyOrder fast = new ConsistentH2Backend.SerializedKeyOrder();
        int compared = 0;
        for (KeyValue one : keys) {
            for (KeyValue other : keys) {
                assertThat(Integer.signum(fast.compare(one, other))).as(one + " vs " + other)
                        .isEqualTo(Integer.signum(h2.compare(one, other)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(90_000);
    }

    @Test
    void aFileWrittenByThePlainBackendIsReadThroughTheFastIndexes() throws Exception {
        Path file = TestData.newDirectory("read-model-index-").resolve("read-models.mv");
        H2Backend plain = new H2Backend(file.toString());
        withCollection(plain, documents -> {
            for (int i = 0; i < 500; i++) {
                documents.insertOne(new Document("_id", "c-" + i).append("n", i));
            }
        });
        plain.close();

        ConsistentH2Backend fast = ConsistentH2Backend.open(file.toString(), Duration.ofHours(1));
        withCollection(fast, documents -> {
            for (int i = 0; i < 500; i++) {
                Document found = documents.find(Filters.eq("_id", "c-" + i)).first();
                assertThat(found).as("c-" + i).isNotNull();
                assertThat(found.getInteger("n")).isEqualTo(i);
            }
            assertThat(documents.find(Filters.eq("_id", "c-500")).first()).isNull();
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "c-250")))
                    .as("the unique index still holds").isInstanceOf(MongoWriteException.class);
            documents.insertOne(new Document("_id", "c-500"));
            assertThat(documents.countDocuments()).isEqualTo(501);
        });
        fast.close();
    }

    /** Serves {@code backend} over the MongoDB protocol for {@code work} on its collection {@code ledger.documents}. */
    static void withCollection(H2Backend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort())) {
            work.accept(client.getDatabase("ledger").getCollection("documents"));
        } finally {
            server.shutdownNow();
        }
    }
}
