package com.customerledger.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counts the documents of a collection per combination of field values, in the database (one
 * {@code $group}, sorted by the same fields first so a compound index on them serves it), instead of
 * reading every document into the application.
 */
public final class GroupCounts {

    /** One combination of values ({@code null} where a document lacks the field) and how many documents have it. */
    public record Group(List<Object> values, long count) {
    }

    private GroupCounts() {
    }

    /** The counts per combination of {@code fields} (dotted paths allowed), ordered by those fields. */
    public static List<Group> of(MongoTemplate mongo, String collection, String... fields) {
        return of(mongo, collection, new Document(), fields);
    }

    /** The same over the documents that match {@code filter} (a MongoDB query document). */
    public static List<Group> of(MongoTemplate mongo, String collection, Document filter, String... fields) {
        Document sort = new Document();
        Document key = new Document();
        for (int i = 0; i < fields.length; i++) {
            sort.append(fields[i], 1);
            key.append("f" + i, "$" + fields[i]);
        }
        List<Document> pipeline = List.of(new Document("$match", filter), new Document("$sort", sort),
                new Document("$group", new Document("_id", key).append("n", new Document("$sum", 1))));
        List<Group> groups = new ArrayList<>();
        for (Document group : mongo.getCollection(collection).aggregate(pipeline).allowDiskUse(true)) {
            Document values = group.get("_id", Document.class);
            List<Object> ordered = new ArrayList<>(fields.length);
            for (int i = 0; i < fields.length; i++) {
                ordered.add(values == null ? null : values.get("f" + i));
            }
            groups.add(new Group(ordered, ((Number) group.get("n")).longValue()));
        }
        return groups;
    }

    /** The same as a two-level table: first value → second value → count, with {@code missing} for an absent value. */
    public static Map<String, Map<String, Long>> table(List<Group> groups, String missingFirst, String missingSecond) {
        Map<String, Map<String, Long>> table = new java.util.TreeMap<>();
        for (Group group : groups) {
            Object first = group.values().get(0);
            Object second = group.values().get(1);
            table.computeIfAbsent(first == null ? missingFirst : first.toString(), k -> new java.util.TreeMap<>())
                    .merge(second == null ? missingSecond : second.toString(), group.count(), Long::sum);
        }
        return table;
    }
}
