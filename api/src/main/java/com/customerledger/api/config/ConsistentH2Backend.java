package com.customerledger.api.config;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The embedded read-model store, committed to its file only between operations. H2's MVStore,
 * left to commit by itself once a second, took the root of each collection's map one after the
 * other while operations went on, so a commit could hold a projection's tracking token but not the
 * document it had written just before; after a crash (SIGKILL) that projection resumed after an
 * event it had never stored (a crash test lost a visit this way). Here every operation of the
 * MongoDB protocol holds a shared lock, and a commit, every {@code interval}, holds it exclusively:
 * what is on file is always the state between two operations, so a token on file never gets ahead
 * of the documents written before it. A crash loses at most the last interval, which the projections
 * re-apply from their tokens (their documents ignore what they have already seen).
 */
final class ConsistentH2Backend extends H2Backend {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ScheduledExecutorService committer;

    private ConsistentH2Backend(MVStore store, Duration interval) {
        super(store);
        committer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-model-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        committer.scheduleWithFixedDelay(this::commit, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the store file without MVStore's own background commits. Pages are
     * compressed (LZF): the documents' field names repeat in every one.
     */
    static ConsistentH2Backend open(String file, Duration interval) {
        return new ConsistentH2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().compress().open(), interval);
    }

    /**
     * Commits what changed and, once the file has grown by {@link #COMPACT_AFTER_GROWTH} bytes (1 MB) since
     * the last time, compacts: without MVStore's background thread (switched off above) nothing would
     * ever rewrite the live pages of mostly dead chunks, and every commit writes a new chunk, so the
     * file grew by several KB per event. Up to {@link #COMPACT_WRITE} bytes of live pages of chunks
     * below {@link #FILL_RATE} % are rewritten and committed with the same lock held, so the file still
     * only ever holds a state between two operations. (Compacting after every commit kept an idle
     * ledger busy: the processors' claim extensions commit a little every second.)
     */
    @Override
    public void commit() {
        lock.writeLock().lock();
        try {
            MVStore store = getMvStore();
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                super.commit();
                long size = store.getFileStore().size();
                if (size > compactedAtSize + COMPACT_AFTER_GROWTH) {
                    if (store.compact(FILL_RATE, COMPACT_WRITE) && store.hasUnsavedChanges()) {
                        super.commit();
                    }
                    compactedAtSize = store.getFileStore().size();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The file's size after the last compaction (or at start); guarded by the write lock. */
    private long compactedAtSize;
    /** How much the file grows before the next compaction. */
    static final long COMPACT_AFTER_GROWTH = 1 << 20;

    /** Live share of a chunk below which its pages are rewritten into new chunks. */
    static final int FILL_RATE = 80;
    /** How long closing the store may spend shrinking its file. */
    static final int CLOSE_COMPACT_MILLIS = 2000;
    /** The most bytes of live pages one commit rewrites. */
    static final int COMPACT_WRITE = 4 << 20;

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        lock.readLock().lock();
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        lock.readLock().lock();
        try {
            return super.handleQuery(query);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        lock.readLock().lock();
        try {
            return super.handleMessage(message);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Databases whose unique indexes (every collection's {@code _id} among them) compare keys faster. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new FastIndexDatabase(databaseName);
    }

    /**
     * The H2 backend's unique indexes are MVStore maps keyed by the server's {@code KeyValue}, which
     * H2 orders by their Java serialization: every comparison of a B-tree search serialized both keys
     * (the largest cost of a read-model lookup in a profile of a replay). This opens each index map,
     * before the backend does, with {@link SerializedKeyOrder}: the same order and the same file
     * format, but each key serialized once.
     */
    private final class FastIndexDatabase extends H2Database {

        /** The backend's name of a collection's map of documents: this prefix and the collection's namespace. */
        private static final String DATA_MAP_PREFIX = "databases.";
        /** The backend's name of a collection's map of what it keeps about it (its data size). */
        private static final String META_MAP_PREFIX = "meta.";
        private Map<String, MemorySecondaryIndex> secondary;
        private Map<String, MemorySecondaryIndex.Filling> fillings;

        FastIndexDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * A collection whose documents are kept on file as BSON ({@link BsonDocumentType}) and which matches a
         * query for a list of ids ({@link IdListCollection}); otherwise what the backend makes.
         */
        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                                                                                     CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<String, Object> meta = getMvStore().openMap(META_MAP_PREFIX + namespace);
            return new IdListCollection(this, collectionName, options, documents(namespace), meta, cursorRegistry);
        }

        /** The map of a collection's documents by position, in the order a scan visits them; its values on file as BSON. */
        private MVMap<Object, Document> documents(String namespace) {
            return getMvStore().openMap(DATA_MAP_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // the backend's own name of the map; MVStore hands an open map to whoever opens it next
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new SerializedKeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        /**
         * The server ignores non-unique indexes; these are kept in memory ({@link MemorySecondaryIndex}). Asked for
         * an index it has (the application asks for every index at start), it gives the same one back, which the
         * collection then keeps. The super constructor opens the indexes on file, before this class's fields are
         * initialized: they have no initializers, which would run after it and wipe what it made.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            if (secondary == null) {
                secondary = new HashMap<>();
                fillings = new HashMap<>();
            }
            String namespace = getFullCollectionNamespace(collectionName);
            MemorySecondaryIndex known = secondary.get(namespace + "." + indexName);
            if (known != null && known.getKeys().equals(keys) && known.sparse() == sparse) {
                return known;
            }
            MemorySecondaryIndex.Filling filling = fillings.computeIfAbsent(namespace,
                    name -> new MemorySecondaryIndex.Filling(() -> documents(name).entrySet()));
            // the order of a collection's documents: its map's keys, compared as H2 compares them
            ObjectDataType keyOrder = new ObjectDataType();
            MemorySecondaryIndex index = new MemorySecondaryIndex(indexName, keys, sparse, keyOrder::compare, filling);
            secondary.put(namespace + "." + indexName, index);
            return index;
        }

        @Override
        protected void dropIndex(de.bwaldvogel.mongo.MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            if (secondary != null) {
                secondary.remove(collection.getFullName() + "." + indexName);
            }
        }
    }

    /**
     * A collection that answers {@code {_id: {$in: [ids]}}} (how a projection's batch fetches its documents) by
     * looking each document's id up in a set: the server compares every document it finds with every id of
     * the list in turn, normalizing both each time, so a batch's fetch took time in the square of its size.
     * Only ids that are all texts are looked up so; other queries are matched as the server matches them.
     */
    static final class IdListCollection extends H2Collection {

        private static final String ID = "_id";

        /** The last query asked and its ids (null: not a list of text ids); a query is matched document by document. */
        private volatile IdList last = new IdList(null, null);

        IdListCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                         MVMap<Object, Document> documents, MVMap<String, Object> meta,
                         de.bwaldvogel.mongo.backend.CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            IdList ids = last;
            if (ids.query != query) {
                ids = new IdList(query, textIds(query));
                last = ids;
            }
            if (ids.ids == null) {
                return super.documentMatchesQuery(document, query);
            }
            return document.get(ID) instanceof String id && ids.ids.contains(id);
        }

        private static Set<String> textIds(Document query) {
            if (query.size() != 1 || !(query.get(ID) instanceof Document condition) || condition.size() != 1
                    || !(condition.get("$in") instanceof Collection<?> values)) {
                return null;
            }
            Set<String> ids = new HashSet<>();
            for (Object value : values) {
                if (!(value instanceof String id)) {
                    return null;
                }
                ids.add(id);
            }
            return ids;
        }

        private record IdList(Document query, Set<String> ids) {
        }
    }

    /**
     * H2's {@link ObjectDataType}, which orders two keys of a type it does not know (and that are not
     * {@link Comparable}) by their serialized bytes, with the bytes of recently compared keys kept:
     * a search compares one key against a dozen stored ones, which stay the same objects in the page cache.
     */
    static final class SerializedKeyOrder extends ObjectDataType {

        private static final int KEPT = 20_000;
        private final Map<Identity, byte[]> serialized = new ConcurrentHashMap<>();

        @Override
        public int compare(Object one, Object other) {
            if (one instanceof KeyValue && other instanceof KeyValue) {
                return one == other ? 0 : compareNotNull(bytes(one), bytes(other));
            }
            return super.compare(one, other);
        }

        private byte[] bytes(Object key) {
            Identity identity = new Identity(key);
            byte[] bytes = serialized.get(identity);
            if (bytes == null) {
                bytes = serialize(key);
                if (serialized.size() >= KEPT) {
                    serialized.clear();
                }
                serialized.put(identity, bytes);
            }
            return bytes;
        }

        /** A key by identity: equal keys of different number types serialize differently. */
        private record Identity(Object key) {

            @Override
            public boolean equals(Object other) {
                return other instanceof Identity identity && identity.key == key;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(key);
            }
        }
    }

    /** Stops the committer and closes the store, which writes everything still unsaved. */
    @Override
    public void close() {
        committer.shutdownNow();
        lock.writeLock().lock();
        try {
            if (!getMvStore().isClosed()) {
                // moves the live chunks to the front and cuts the file after them
                getMvStore().compactFile(CLOSE_COMPACT_MILLIS);
            }
            super.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
