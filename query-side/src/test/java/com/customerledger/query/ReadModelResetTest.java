package com.customerledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A reset empties a projection's collections and keeps their declared indexes; on the embedded store it drops
 * and remakes them, on a MongoDB it deletes the documents and leaves the collection as an operator set it up.
 */
class ReadModelResetTest {

    @Document("reset_probe")
    @CompoundIndex(name = "by_owner", def = "{'owner': 1}")
    static final class Probe {
        @Id
        String id;
        String owner;
        String region = "山东省";

        Probe(String id, String owner) {
            this.id = id;
            this.owner = owner;
        }
    }

    @Test
    void onAMongoDbTheDocumentsGoAndTheCollectionStaysAsItWasSetUp() {
        try (MongoFixture fixture = new MongoFixture()) {
            MongoTemplate mongo = fixture.template();
            fill(mongo);
            ReadModelReset.clear(mongo, Probe.class);
            assertThat(mongo.count(new Query(), Probe.class)).isZero();
            assertThat(indexes(mongo)).contains("by_owner", "operators_own");
        }
    }

    @Test
    void onTheEmbeddedStoreTheCollectionIsDroppedAndMadeAgainWithItsDeclaredIndexes() {
        try (MongoFixture fixture = new MongoFixture()) {
            MongoTemplate mongo = new ReadModelReset.DroppingTemplate(fixture.template().getMongoDatabaseFactory(),
                    fixture.template().getConverter());
            fill(mongo);
            ReadModelReset.clear(mongo, Probe.class);
            assertThat(mongo.count(new Query(), Probe.class)).isZero();
            assertThat(indexes(mongo)).contains("by_owner").doesNotContain("operators_own");
            // a collection that is not there yet is made, with its indexes
            mongo.dropCollection(Probe.class);
            ReadModelReset.clear(mongo, Probe.class);
            assertThat(indexes(mongo)).contains("by_owner");
        }
    }

    private static void fill(MongoTemplate mongo) {
        mongo.indexOps(Probe.class).createIndex(new Index("owner", Sort.Direction.ASC)
                .named("by_owner"));
        mongo.indexOps(Probe.class).createIndex(new Index("region", Sort.Direction.DESC)
                .named("operators_own"));
        for (String id : List.of("c1", "c2", "c3")) {
            mongo.insert(new Probe(id, "rep-a"));
        }
        assertThat(mongo.count(new Query(), Probe.class)).isEqualTo(3);
    }

    private static List<String> indexes(MongoTemplate mongo) {
        return mongo.indexOps(Probe.class).getIndexInfo().stream().map(IndexInfo::getName).toList();
    }
}
