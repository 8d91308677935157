package com.customerledger.api.imports;

import com.customerledger.api.config.OnCommandSide;
import com.customerledger.api.security.CurrentActor;
import com.customerledger.api.web.ApiTags;
import com.customerledger.api.web.BusinessTime;
import com.customerledger.api.web.NotFoundException;
import com.customerledger.api.web.Problems;
import com.customerledger.command.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Moving in: a sheet of customers (.xlsx or CSV) imported as registrations, tracked as a job. */
@OnCommandSide
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final CustomerImports imports;
    private final CurrentActor currentActor;
    private final ZoneId zone;

    ImportController(CustomerImports imports, CurrentActor currentActor, ZoneId zone) {
        this.zone = zone;
        this.imports = imports;
        this.currentActor = currentActor;
    }

    /** The form, as the OpenAPI document describes it. */
    @Schema(description = "A multipart form: the sheet as `file`; `effectiveAt` and `dryRun` as fields or query parameters.")
    record UploadForm(@Schema(type = "string", format = "binary", description = "The .xlsx or .csv file.") String file,
                      @Schema(description = "Start of the ownership periods; default now.") Instant effectiveAt,
                      @Schema(description = "Check only, import nothing.") Boolean dryRun) {
    }

    record ImportStarted(String importId, ImportJobs.Status status, boolean dryRun) {
    }

    @Operation(tags = ApiTags.IMPORTS, summary = "Import a sheet of customers",
            description = "MANAGER or ADMIN. A multipart form with `file`: an `.xlsx` workbook (its first sheet) or a CSV file "
                    + "in UTF-8 (with or without BOM) or GBK. Row 1 is the header, matched leniently in Chinese or English "
                    + "(客户名称/名称/name, 客户类型/类型/type, 省份, 城市, 县区, 详细地址, 统一社会信用代码, 电话, 联系人, 职务, "
                    + "规模, 养殖品种, 种植作物, 产品线, 负责业务员 (a rep id or name), 等级, 来源); unknown headers are "
                    + "reported and ignored. Each row is registered as `POST /api/customers` would register it (撞单 "
                    + "guard, capacity, the assignment rules when no owner is named), with its ownership period from "
                    + "`effectiveAt` (default now), authorized by the caller, reason IMPORT. Answers 202 at once; "
                    + "`GET /api/imports/{importId}` follows the job. `dryRun=true` checks every row and imports nothing. "
                    + "A file that is no spreadsheet, is empty, has no name column or is larger than "
                    + "`ledger.imports.max-file-size` is 400 (`not-a-spreadsheet`, `empty-file`, `no-name-column`, "
                    + "`file-too-large`).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class),
                    examples = @ExampleObject(name = "customers.csv",
                    value = "file=@docs/samples/customers.csv (客户名称,客户类型,省份,城市,县区,电话,负责业务员\\n"
                            + "寿光市绿源养殖场,养殖场,山东省,潍坊市,寿光市,13805361234,rep-a)"))),
            responses = @ApiResponse(responseCode = "202", description = "The import job was started."))
    @PostMapping(value = "/customers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportStarted> start(
            @Parameter(description = "Start of the imported ownership periods (business time, not in the future); default "
                    + "now. May also be sent as a form field.")
            @RequestParam(required = false) Instant effectiveAt,
            @Parameter(description = "`true`: map the headers and check every row, import nothing. May also be sent as a "
                    + "form field.")
            @RequestParam(required = false) Boolean dryRun,
            HttpServletRequest request) throws IOException {
        Actor actor = currentActor.get();
        MultipartUpload upload = MultipartUpload.of(request.getContentType(), request.getInputStream());
        Instant start = effectiveAt;
        Boolean dry = dryRun;
        CustomerImports.Stored stored = null;
        try {
            for (MultipartUpload.Part part = upload.next(); part != null; part = upload.next()) {
                switch (part.name()) {
                    case "file" -> {
                        if (stored != null) {
                            throw new ImportFileException("malformed-upload", "the form has more than one file part");
                        }
                        stored = imports.store(part.fileName(), part.content());
                    }
                    case "effectiveAt" -> start = start != null ? start : BusinessTime.parseParameter(field(part), zone);
                    case "dryRun" -> dry = dry != null ? dry : Boolean.parseBoolean(field(part).trim());
                    default -> {
                        // other form fields are no business of the import; skipped
                    }
                }
            }
            if (stored == null) {
                throw new ImportFileException("malformed-upload", "the form has no part named file");
            }
            ImportJobs.Job job = imports.start(stored, start, Boolean.TRUE.equals(dry), actor);
            stored = null;
            return ResponseEntity.accepted().location(URI.create("/api/imports/" + job.importId()))
                    .body(new ImportStarted(job.importId(), job.status(), job.dryRun()));
        } catch (IllegalArgumentException badTime) {
            throw new ImportFileException("invalid-input", "effectiveAt: " + badTime.getMessage());
        } finally {
            if (stored != null) {
                imports.discard(stored);
            }
        }
    }

    private static String field(MultipartUpload.Part part) throws IOException {
        byte[] value = part.content().readNBytes(201);
        if (value.length > 200) {
            throw new ImportFileException("malformed-upload", "the form field " + part.name() + " is too long");
        }
        return new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Operation(tags = ApiTags.IMPORTS, summary = "Follow an import",
            description = "MANAGER or ADMIN. RUNNING while rows are read, then DONE (or FAILED if the file could not be read "
                    + "to its end); `columns` maps each header to the field it fills (null: ignored); `rows`, `imported` "
                    + "(dry run: would import), `duplicates` and `errors` count the rows so far; `items` lists the problems, "
                    + "each with the sheet's row number (usually the header is row 1), the column, and for a duplicate the existing "
                    + "customer and its owner. Items are paged with `page` and `size` (at most 1000).")
    @GetMapping("/{importId}")
    CustomerImports.ImportView find(@Parameter(description = "The import's id, as its start answered.")
                                    @PathVariable String importId,
                                    @Parameter(description = "Zero-based page of the items (default 0).")
                                    @RequestParam(required = false, defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                    @Parameter(description = "Items per page (1 to 1000; default 500).")
                                    @RequestParam(required = false, defaultValue = "500") @Min(1) @Max(1000) int size) {
        return imports.find(importId, page, size).orElseThrow(() -> new NotFoundException("import", importId));
    }

    @ExceptionHandler(ImportFileException.class)
    ResponseEntity<ProblemDetail> unusableFile(ImportFileException refused) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, refused.type(), refused.getMessage());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
