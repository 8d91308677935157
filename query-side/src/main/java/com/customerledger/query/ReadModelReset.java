package com.customerledger.query;

import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What a projection's reset does to its documents before a replay. On the embedded store
 * ({@link DroppingTemplate}) each collection is dropped and made again with the indexes its document class
 * declares (as the application makes them at start): removing the documents one by one, as a delete of
 * everything does there, took a tenth of a replay's time, and more the more documents there were. On a
 * MongoDB the documents are deleted and the collection stays, with whatever an operator set on it
 * (sharding, indexes of their own).
 */
public final class ReadModelReset {

    private ReadModelReset() {
    }

    /** Empties the collections of {@code documentTypes}, keeping their indexes. */
    public static void clear(MongoTemplate mongo, Class<?>... documentTypes) {
        if (!(mongo instanceof DroppingTemplate)) {
            for (Class<?> type : documentTypes) {
                mongo.remove(new Query(), type);
            }
            return;
        }
        IndexResolver indexes = IndexResolver.create(mongo.getConverter().getMappingContext());
        for (Class<?> type : documentTypes) {
            // the embedded server logs an error for a drop of a collection that is not there
            if (mongo.collectionExists(type)) {
                mongo.dropCollection(type);
            }
            IndexOperations operations = mongo.indexOps(type);
            indexes.resolveIndexFor(type).forEach(operations::createIndex);
        }
    }

    /** The read models' template on a store whose collections a reset may drop: the embedded one, which nobody configures. */
    public static class DroppingTemplate extends MongoTemplate {

        public DroppingTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            super(factory, converter);
        }
    }
}
