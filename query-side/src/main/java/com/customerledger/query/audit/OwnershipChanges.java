package com.customerledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Every ownership change as the event store holds it (registration with an owner, claim, transfer,
 * release, reversal), one row each with who authorized it and its chain link; and the raw events of
 * a customer. Read from the stored events, so the answer does not depend on any projection.
 */
@Component
public class OwnershipChanges {

    private static final String EVENTS_PACKAGE = "com.customerledger.events.";
    private static final List<String> OWNERSHIP_EVENTS = List.of("CustomerRegisteredEvent", "CustomerClaimedEvent",
            "CustomerTransferredEvent", "CustomerReleasedEvent", "CustomerOwnershipReversedEvent",
            "PastOwnershipChangeReversedEvent");
    /** The columns of a row, in the order of the CSV export. */
    public static final List<String> COLUMNS = List.of("position", "eventId", "customerId", "fromRepId", "toRepId", "reason",
            "effectiveAt", "recordedAt", "authorizedBy", "batchId", "rule", "chainHash");
    private static final int PAGE = 500;

    private final StoredEvents store;
    private final AuditChain chain;
    private final ObjectMapper json;

    OwnershipChanges(StoredEvents store, AuditChain chain, ObjectMapper json) {
        this.store = store;
        this.chain = chain;
        this.json = json;
    }

    /** The raw events of a customer with payload and metadata, in order, each with its chain link once linked. */
    public List<Map<String, Object>> eventsOf(String customerId) {
        List<StoredEvent> stored = withPositions(store.ofAggregate("customer:" + customerId));
        Map<Long, String> links = chain.linksAt(stored.stream().map(StoredEvent::position).toList());
        return stored.stream().map(event -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", event.position() == 0 ? null : event.position());
            row.put("eventId", event.eventId());
            row.put("type", simpleName(event.payloadType()));
            row.put("revision", event.revision());
            row.put("sequence", event.sequence());
            row.put("recordedAt", event.timestamp());
            row.put("payload", tree(event.payload()));
            row.put("metaData", tree(event.metaData()));
            row.put("chainHash", links.get(event.position()));
            return row;
        }).toList();
    }

    /**
     * Hands {@code each}, in position order, the ownership changes recorded in [{@code from}, {@code to}),
     * of {@code repId} (from or to) and of {@code customerId} when given, with their chain links
     * (read a page at a time, so a long period streams).
     */
    public void recordedIn(Instant from, Instant to, String repId, String customerId, Consumer<Map<String, Object>> each) {
        List<Map<String, Object>> page = new java.util.ArrayList<>();
        List<String> types = OWNERSHIP_EVENTS.stream().map(type -> EVENTS_PACKAGE + type).toList();
        Consumer<StoredEvent> add = event -> {
            Map<String, Object> row = row(event);
            if (repId == null || repId.equals(row.get("toRepId")) || repId.equals(row.get("fromRepId"))) {
                page.add(row);
                if (page.size() == PAGE) {
                    flush(page, each);
                }
            }
        };
        if (customerId == null) {
            store.recordedIn(types, from, to, add);
        } else {
            // one customer: its own events, not a scan of the period
            withPositions(store.ofAggregate("customer:" + customerId).stream().filter(event -> {
                Instant recorded = Instant.parse(event.timestamp());
                return types.contains(event.payloadType()) && !recorded.isBefore(from) && recorded.isBefore(to);
            }).toList()).forEach(add);
        }
        flush(page, each);
    }

    /** An aggregate's events with their positions, where known ({@link AuditChain#positionsOf}); 0 where not. */
    private List<StoredEvent> withPositions(List<StoredEvent> events) {
        Map<String, Long> positions = chain.positionsOf(events.stream().map(StoredEvent::eventId).toList());
        return events.stream().map(event -> event.at(positions.getOrDefault(event.eventId(), 0L))).toList();
    }

    private void flush(List<Map<String, Object>> page, Consumer<Map<String, Object>> each) {
        Map<Long, String> links = chain.linksAt(page.stream().map(row -> (Long) row.get("position")).filter(java.util.Objects::nonNull).toList());
        for (Map<String, Object> row : page) {
            Object position = row.get("position");
            row.put("chainHash", position == null ? null : links.get((Long) position));
            each.accept(row);
        }
        page.clear();
    }

    private Map<String, Object> row(StoredEvent event) {
        JsonNode payload = tree(event.payload());
        String type = simpleName(event.payloadType());
        String toRep = text(payload, switch (type) {
            case "CustomerRegisteredEvent" -> "ownerRepId";
            case "CustomerClaimedEvent" -> "repId";
            case "CustomerTransferredEvent", "CustomerOwnershipReversedEvent", "PastOwnershipChangeReversedEvent" -> "toRepId";
            default -> "-";
        });
        String rule = text(payload, "assignedByRule") == null ? null
                : text(payload, "assignedByRule") + "@v" + text(payload, "policyVersion");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("position", event.position() == 0 ? null : event.position());
        row.put("eventId", event.eventId());
        row.put("customerId", text(payload, "customerId"));
        row.put("fromRepId", text(payload, "fromRepId"));
        row.put("toRepId", toRep);
        row.put("reason", switch (type) {
            case "CustomerRegisteredEvent" -> rule == null ? "REGISTERED" : "ASSIGNED_BY_RULE";
            case "CustomerClaimedEvent" -> "CLAIM";
            case "CustomerTransferredEvent" -> text(payload, "reason");
            case "CustomerOwnershipReversedEvent", "PastOwnershipChangeReversedEvent" ->
                    "REVERSAL of " + text(payload, "reversedEventId");
            default -> "RELEASE";
        });
        row.put("effectiveAt", text(payload, "effectiveAt"));
        row.put("recordedAt", Instant.parse(event.timestamp()).toString());
        String authorizedBy = text(payload, switch (type) {
            case "CustomerRegisteredEvent" -> "registeredBy";
            case "CustomerReleasedEvent" -> "releasedBy";
            default -> "authorizedBy";
        });
        // stored as written: revision 1 of CustomerClaimedEvent named it claimedBy
        row.put("authorizedBy", authorizedBy != null ? authorizedBy : text(payload, "claimedBy"));
        row.put("batchId", text(payload, "batchId"));
        row.put("rule", rule);
        return row;
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
