package com.customerledger.api.audit;

import com.customerledger.api.web.ApiTags;
import com.customerledger.api.web.BadRequestException;
import com.customerledger.api.web.ReportingPeriod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.DateTimeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor's view of the ledger, read from the event store itself (AUDITOR, ADMIN): raw events
 * with metadata, every ownership change with its chain hash, and a verification of the hash chain.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final List<String> OWNERSHIP_EVENTS = List.of("CustomerRegisteredEvent", "CustomerClaimedEvent",
            "CustomerTransferredEvent", "CustomerReleasedEvent", "CustomerOwnershipReversedEvent",
            "PastOwnershipChangeReversedEvent");
    private static final String EVENTS_PACKAGE = "com.customerledger.events.";
    private static final String[] CSV_COLUMNS = {"position", "eventId", "customerId", "fromRepId", "toRepId", "reason",
            "effectiveAt", "recordedAt", "authorizedBy", "batchId", "rule", "chainHash"};

    private final AuditChain chain;
    private final EventStoreReader store;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(AuditChain chain, EventStoreReader store, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.chain = chain;
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Operation(tags = ApiTags.AUDIT, summary = "Verify the hash chain",
            description = "Recomputes the chain of hashes over the stored events; `ok` false with the first mismatch when an event was edited or deleted. AUDITOR, ADMIN.")
    @GetMapping("/verify")
    AuditChain.Verification verify() {
        return chain.verify();
    }

    /** The raw events of a customer with payload and metadata, in order, each with its chain link once linked. */
    @Operation(tags = ApiTags.AUDIT, summary = "A customer's raw events",
            description = "Every stored event of the customer in order, with payload, metadata (who, correlation and trace ids) and its chain link. AUDITOR, ADMIN.")
    @GetMapping("/events")
    List<Map<String, Object>> events(@RequestParam @Size(min = 1, max = 64) String customerId) {
        List<StoredEvent> stored = store.ofAggregate("customer:" + customerId);
        Map<Long, String> links = chain.linksAt(stored.stream().map(StoredEvent::position).toList());
        List<Map<String, Object>> events = new ArrayList<>();
        for (StoredEvent event : stored) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", event.position());
            row.put("eventId", event.eventId());
            row.put("type", simpleName(event.payloadType()));
            row.put("revision", event.revision());
            row.put("sequence", event.sequence());
            row.put("recordedAt", event.timestamp());
            row.put("payload", tree(event.payload()));
            row.put("metaData", tree(event.metaData()));
            row.put("chainHash", links.get(event.position()));
            events.add(row);
        }
        return events;
    }

    /** Every ownership change recorded in [from, to) (by default the last 30 days), as JSON or, with format=csv, as a CSV that Excel opens in UTF-8. */
    @Operation(tags = ApiTags.AUDIT, summary = "Every ownership change in a period",
            description = "Recorded in [from, to) (default the last 30 days), with who authorized it, the reason, effective and recorded time, event id and chain hash; `format=csv` for a sheet (UTF-8 with BOM, opens in Excel). AUDITOR, ADMIN.")
    @GetMapping("/transfers")
    ResponseEntity<StreamingResponseBody> transfers(@RequestParam(required = false) Instant from,
                                                    @RequestParam(required = false) Instant to,
                                                    @RequestParam(required = false) @Size(max = 64) String repId,
                                                    @RequestParam(required = false) @Size(max = 64) String customerId,
                                                    @RequestParam(defaultValue = "json") String format) {
        ReportingPeriod period = ReportingPeriod.of(from, to, clock);
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new BadRequestException("format must be json or csv");
        };
        StreamingResponseBody body = out -> stream(period.from(), period.to(), repId, customerId, csv, out);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, csv ? "attachment; filename=\"ownership-changes.csv\"" : "inline")
                .body(body);
    }

    private void stream(Instant from, Instant to, String repId, String customerId, boolean csv, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (csv) {
            writer.write('\uFEFF');
            writer.write(String.join(",", CSV_COLUMNS) + "\r\n");
        } else {
            writer.write('[');
        }
        List<Object> args = new ArrayList<>(OWNERSHIP_EVENTS.stream().map(type -> EVENTS_PACKAGE + type).toList());
        String placeholders = String.join(",", OWNERSHIP_EVENTS.stream().map(type -> "?").toList());
        // the store's own timestamp format compares as text in time order
        args.add(DateTimeUtils.formatInstant(from));
        args.add(DateTimeUtils.formatInstant(to));
        String ofCustomer = "";
        if (customerId != null) {
            args.add("customer:" + customerId);
            ofCustomer = " AND aggregateIdentifier = ?";
        }
        Page page = new Page(writer, csv);
        jdbc.query("SELECT globalIndex, eventIdentifier, payloadType, payload, timeStamp FROM DomainEventEntry "
                + "WHERE payloadType IN (" + placeholders + ") AND timeStamp >= ? AND timeStamp < ?" + ofCustomer
                + " ORDER BY globalIndex", rs -> {
            JsonNode payload = tree(rs.getBytes(4));
            String type = simpleName(rs.getString(3));
            String toRep = text(payload, switch (type) {
                case "CustomerRegisteredEvent" -> "ownerRepId";
                case "CustomerClaimedEvent" -> "repId";
                case "CustomerTransferredEvent", "CustomerOwnershipReversedEvent", "PastOwnershipChangeReversedEvent" -> "toRepId";
                default -> "-";
            });
            String fromRep = text(payload, "fromRepId");
            if (repId != null && !repId.equals(toRep) && !repId.equals(fromRep)) {
                return;
            }
            String rule = text(payload, "assignedByRule") == null ? null
                    : text(payload, "assignedByRule") + "@v" + text(payload, "policyVersion");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("position", rs.getLong(1));
            row.put("eventId", rs.getString(2));
            row.put("customerId", text(payload, "customerId"));
            row.put("fromRepId", fromRep);
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
            row.put("recordedAt", Instant.parse(rs.getString(5)).toString());
            String authorizedBy = text(payload, switch (type) {
                case "CustomerRegisteredEvent" -> "registeredBy";
                case "CustomerReleasedEvent" -> "releasedBy";
                default -> "authorizedBy";
            });
            // stored as written: revision 1 of CustomerClaimedEvent named it claimedBy
            row.put("authorizedBy", authorizedBy != null ? authorizedBy : text(payload, "claimedBy"));
            row.put("batchId", text(payload, "batchId"));
            row.put("rule", rule);
            page.add(row);
        }, args.toArray());
        page.write();
        if (!csv) {
            writer.write(']');
        }
        writer.flush();
    }

    /** Rows written a page at a time, so that their chain links are read with one query per page. */
    private final class Page {

        private static final int SIZE = 500;

        private final Writer writer;
        private final boolean csv;
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private boolean first = true;

        Page(Writer writer, boolean csv) {
            this.writer = writer;
            this.csv = csv;
        }

        void add(Map<String, Object> row) {
            rows.add(row);
            if (rows.size() == SIZE) {
                write();
            }
        }

        void write() {
            Map<Long, String> links = chain.linksAt(rows.stream().map(row -> (Long) row.get("position")).toList());
            try {
                for (Map<String, Object> row : rows) {
                    row.put("chainHash", links.get((Long) row.get("position")));
                    if (csv) {
                        List<String> cells = new ArrayList<>();
                        for (String column : CSV_COLUMNS) {
                            cells.add(csvCell(row.get(column)));
                        }
                        writer.write(String.join(",", cells) + "\r\n");
                    } else {
                        writer.write(first ? "" : ",");
                        writer.write(json.writeValueAsString(row));
                    }
                    first = false;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            rows.clear();
        }
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

    /** Quotes a cell when needed, and defuses spreadsheet formulas. */
    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
