package com.customerledger.api.exports;

import com.customerledger.api.web.ApiTags;
import com.customerledger.api.web.Csv;
import com.customerledger.api.web.Reads;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.query.PageRequest;
import com.customerledger.query.customer.CustomerFilter;
import com.customerledger.query.customer.CustomerPage;
import com.customerledger.query.customer.CustomerView;
import com.customerledger.query.customer.SearchCustomersQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The customers as a sheet to open in Excel or to import elsewhere: the search's filters, the 360
 * view's columns under Chinese headers, streamed page by page (never the whole book in memory).
 */
@RestController
@RequestMapping("/api/exports")
class ExportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final int PAGE = 500;
    private static final int FLUSH_ROWS = 1000;

    private final Reads reads;

    ExportController(Reads reads) {
        this.reads = reads;
    }

    @Operation(tags = ApiTags.IMPORTS, summary = "Export customers as a sheet",
            description = "MANAGER or ADMIN. The customers the search with the same filters finds (`q`, `type`, `region`, "
                    + "`grade`, `ownerRepId`, `inPool`), ordered by name, as `.xlsx` (default) or CSV (UTF-8 with BOM, so "
                    + "that Excel opens it; a cell starting with = + - @ gets a leading ' so that it is not run as a "
                    + "formula, which an import removes again). The columns are the import's headers (客户名称, 客户类型, "
                    + "省份, …, 负责业务员, 等级, 来源), then 客户编号, 公海, 负责起始, 登记时间, 登记人, 最近拜访, 下次跟进. "
                    + "The file imports again as the same customers.",
            responses = @ApiResponse(responseCode = "200", description = "The sheet, streamed.", content = {
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    @Content(mediaType = "text/csv")}))
    @GetMapping("/customers")
    ResponseEntity<StreamingResponseBody> customers(
            @Parameter(description = "`xlsx` (default) or `csv`.")
            @RequestParam(required = false, defaultValue = "xlsx") @Pattern(regexp = "xlsx|csv") String format,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) CustomerType type,
            @RequestParam(required = false) @Size(max = 160) String region,
            @RequestParam(required = false) @Size(max = 64) String ownerRepId,
            @RequestParam(required = false) Boolean inPool,
            @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) @Min(0) Long minPosition) {
        CustomerFilter filter = new CustomerFilter(q, type, region, ownerRepId, inPool, grade);
        // the first page is read before the answer starts, so that a bad filter or a lagging read model is a problem document
        CustomerPage first = page(filter, 0, minPosition);
        boolean csv = format.equals("csv");
        String fileName = "customers-" + LocalDate.now() + (csv ? ".csv" : ".xlsx");
        StreamingResponseBody body = out -> {
            if (csv) {
                writeCsv(out, filter, first);
            } else {
                writeXlsx(out, filter, first);
            }
        };
        return ResponseEntity.ok().contentType(csv ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private CustomerPage page(CustomerFilter filter, int page, Long minPosition) {
        return reads.query(new SearchCustomersQuery(filter, null, new PageRequest(page, PAGE)),
                ResponseTypes.instanceOf(CustomerPage.class), minPosition);
    }

    /** Every customer the filter finds, page after page, starting with the page already read. */
    private void eachCustomer(CustomerFilter filter, CustomerPage first, Consumer<CustomerView> consumer) {
        CustomerPage current = first;
        int page = 0;
        while (true) {
            current.items().forEach(consumer);
            if (current.items().size() < PAGE || (long) (page + 1) * PAGE >= current.total()) {
                return;
            }
            current = page(filter, ++page, null);
        }
    }

    private void writeCsv(OutputStream out, CustomerFilter filter, CustomerPage first) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeCsvLine(writer, CustomerSheet.headers());
        int[] rows = {0};
        eachCustomer(filter, first, customer -> {
            try {
                writeCsvLine(writer, CustomerSheet.row(customer));
                if (++rows[0] % FLUSH_ROWS == 0) {
                    writer.flush();
                }
            } catch (IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
        });
        writer.flush();
    }

    private static void writeCsvLine(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(Csv.cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    private void writeXlsx(OutputStream out, CustomerFilter filter, CustomerPage first) throws IOException {
        try (Workbook workbook = new Workbook(out, "Customer Ledger", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("客户");
            List<String> headers = CustomerSheet.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.inlineString(0, c, headers.get(c));
                sheet.style(0, c).bold().set();
            }
            int[] row = {1};
            eachCustomer(filter, first, customer -> {
                List<String> cells = CustomerSheet.row(customer);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        // inline strings: never a formula, and no shared strings table growing in memory
                        sheet.inlineString(row[0], c, cells.get(c));
                    }
                }
                if (row[0]++ % FLUSH_ROWS == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException failed) {
                        throw new java.io.UncheckedIOException(failed);
                    }
                }
            });
            sheet.finish();
        }
    }
}
