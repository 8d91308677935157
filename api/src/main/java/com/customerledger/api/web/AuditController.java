package com.customerledger.api.web;

import com.customerledger.query.audit.AuditChain;
import com.customerledger.query.audit.OwnershipChanges;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    private final AuditChain chain;
    private final OwnershipChanges changes;
    private final OwnershipChangesExport export;
    private final Clock clock;

    AuditController(AuditChain chain, OwnershipChanges changes, OwnershipChangesExport export, Clock clock) {
        this.chain = chain;
        this.changes = changes;
        this.export = export;
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
        return changes.eventsOf(customerId);
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
        StreamingResponseBody body = out -> export.write(period, repId, customerId, csv, out);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, csv ? "attachment; filename=\"ownership-changes.csv\"" : "inline")
                .body(body);
    }
}
