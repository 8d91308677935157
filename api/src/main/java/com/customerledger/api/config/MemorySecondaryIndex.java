package com.customerledger.api.config;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A non-unique index of the embedded read-model store, which otherwise has none: the MongoDB-protocol
 * server ignores every index that is not unique, so a portfolio, a customer's deals or a rep's visits
 * were each a scan of the whole collection. This one is kept in memory and built from the collection's
 * documents when it is first used after the store opens; it is never on file, so it always agrees with what is.
 *
 * <p>It narrows a query to the documents whose <em>first</em> indexed field equals a text or a boolean, or
 * one of those of an {@code $in}, at the top level of the query or in a clause of a top-level {@code $and}; the server then matches the whole query
 * against just those documents and sorts them, as it would have after a scan. A document is indexed
 * under every text or boolean its field holds (an array's elements too, along a dotted path through arrays), so
 * no document a query matches is left out. Anything else (numbers, whose equality crosses types, dates, {@code null}, other
 * operators) is left to the scan. Positions come back in the order a scan visits them, the order of
 * the collection's keys, so a query without a sort returns what it returned before.
 *
 * <p>Every call comes with the collection's lock held (the server's collections are synchronized).
 */
final class MemorySecondaryIndex extends Index<Object> {

    private static final String IN = "$in";
    private static final String AND = "$and";

    private final String field;
    private final String[] path;
    private final Comparator<Object> scanOrder;
    private final Map<Object, NavigableSet<Object>> positions = new HashMap<>();
    private final Filling filling;
    private long entries;
    private boolean filled;

    /**
     * @param scanOrder the order of the collection's keys, in which a scan visits its documents
     * @param filling   fills this index, and the other unfilled ones of its collection, from the collection's documents
     */
    MemorySecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Comparator<Object> scanOrder, Filling filling) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.path = field.split("\\.");
        this.scanOrder = scanOrder;
        this.filling = filling;
        filling.members.add(this);
    }

    boolean sparse() {
        return isSparse();
    }

    /**
     * The indexes of one collection are filled together, in one pass over its documents, when one of them is
     * first used: the server would fill each with a pass of its own when the store opens (13 passes over
     * 100,000 customers took 46 s).
     */
    static final class Filling {

        private final Supplier<Iterable<Map.Entry<Object, Document>>> documents;
        private final List<MemorySecondaryIndex> members = new ArrayList<>();

        /** @param documents the collection's documents by position, in position order */
        Filling(Supplier<Iterable<Map.Entry<Object, Document>>> documents) {
            this.documents = documents;
        }

        void forget(MemorySecondaryIndex index) {
            members.remove(index);
        }

        private void fill() {
            List<MemorySecondaryIndex> unfilled = members.stream().filter(index -> !index.filled).toList();
            for (Map.Entry<Object, Document> document : documents.get()) {
                for (MemorySecondaryIndex index : unfilled) {
                    index.addFilled(document.getValue(), document.getKey());
                }
            }
            // only once every document is in: a pass that fails part way is made again (adding is idempotent)
            unfilled.forEach(index -> index.filled = true);
        }
    }

    private void ensureFilled() {
        if (!filled) {
            filling.fill();
        }
    }

    /** Unfilled, it is not empty: the server would fill it by a pass of its own (see {@link Filling}). */
    @Override
    public boolean isEmpty() {
        return filled && entries == 0;
    }

    @Override
    public Object getPosition(Document document) {
        return null; // not unique: no single position belongs to a key
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        ensureFilled();
        addFilled(document, position);
    }

    private void addFilled(Document document, Object position) {
        for (Object value : values(document)) {
            if (positions.computeIfAbsent(value, key -> new TreeSet<>(scanOrder)).add(position)) {
                entries++;
            }
        }
    }

    /** The position of a document of the H2 backend is its id, as the collection stores it. */
    @Override
    public Object remove(Document document) {
        Object position = Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
        ensureFilled();
        removeAt(document, position);
        return position;
    }

    private void removeAt(Document document, Object position) {
        for (Object value : values(document)) {
            NavigableSet<Object> at = positions.get(value);
            if (at != null && at.remove(position)) {
                entries--;
                if (at.isEmpty()) {
                    positions.remove(value);
                }
            }
        }
    }

    @Override
    public boolean canHandle(Document query) {
        if (queried(query) == null) {
            return false;
        }
        ensureFilled();
        return true;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Collection<Object> values = queried(query);
        if (values == null) {
            throw new IllegalArgumentException("the index " + getName() + " cannot serve " + query);
        }
        if (values.size() == 1) {
            NavigableSet<Object> at = positions.get(values.iterator().next());
            return at == null ? List.of() : new ArrayList<>(at);
        }
        TreeSet<Object> union = new TreeSet<>(scanOrder);
        for (Object value : values) {
            NavigableSet<Object> at = positions.get(value);
            if (at != null) {
                union.addAll(at);
            }
        }
        return new ArrayList<>(union);
    }

    /** The texts or booleans a query asks the first field to equal, or {@code null} when this index cannot narrow it. */
    private Collection<Object> queried(Document query) {
        if (query.get(AND) instanceof List<?> clauses) {
            // every clause of an $and holds for every document it matches: one that names the field narrows it
            for (Object clause : clauses) {
                Collection<Object> values = clause instanceof Document document ? queried(document) : null;
                if (values != null) {
                    return values;
                }
            }
        }
        Object value = query.get(field);
        if (indexable(value)) {
            return List.of(value);
        }
        if (value instanceof Document expression && expression.size() == 1 && expression.get(IN) instanceof Collection<?> in
                && !in.isEmpty() && in.stream().allMatch(MemorySecondaryIndex::indexable)) {
            return List.copyOf(in);
        }
        return null;
    }

    /** Values whose equality in MongoDB is their equality in Java: a text equals only that text, true only true. */
    private static boolean indexable(Object value) {
        return value instanceof String || value instanceof Boolean;
    }

    /** Every text or boolean the document holds at the indexed field. */
    private Set<Object> values(Document document) {
        Set<Object> values = new LinkedHashSet<>();
        collect(document, 0, values);
        return values;
    }

    private void collect(Object node, int depth, Set<Object> values) {
        if (depth == path.length) {
            if (indexable(node)) {
                values.add(node);
            } else if (node instanceof Collection<?> elements) {
                elements.forEach(element -> {
                    if (indexable(element)) {
                        values.add(element);
                    }
                });
            }
            return;
        }
        if (node instanceof Document document) {
            Object next = document.get(path[depth]);
            if (next != null) {
                collect(next, depth + 1, values);
            }
        } else if (node instanceof List<?> list) {
            // a path through an array matches each of its documents, and a numeric step one element
            for (Object element : list) {
                if (element instanceof Document) {
                    collect(element, depth, values);
                }
            }
            if (path[depth].chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(path[depth]);
                if (index < list.size()) {
                    collect(list.get(index), depth + 1, values);
                }
            }
        }
    }

    @Override
    public long getCount() {
        ensureFilled();
        return entries;
    }

    @Override
    public long getDataSize() {
        return 0; // in memory, nothing on file
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        ensureFilled();
        removeAt(oldDocument, position);
        addFilled(newDocument, position);
    }

    @Override
    public void drop() {
        positions.clear();
        entries = 0;
        filling.forget(this);
    }
}
