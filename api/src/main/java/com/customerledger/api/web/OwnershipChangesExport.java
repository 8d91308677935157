package com.customerledger.api.web;

import com.customerledger.query.audit.OwnershipChanges;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every ownership change recorded in a period, streamed as JSON or as a CSV that Excel opens in UTF-8 (a BOM, CRLF,
 * formulas defused): the API's audit trail and the auditor console's download write the same bytes.
 */
@Component
public class OwnershipChangesExport {

    private final OwnershipChanges changes;
    private final ObjectMapper json;

    OwnershipChangesExport(OwnershipChanges changes, ObjectMapper json) {
        this.changes = changes;
        this.json = json;
    }

    public void write(ReportingPeriod period, String repId, String customerId, boolean csv, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (csv) {
            writer.write('\uFEFF');
            writer.write(String.join(",", OwnershipChanges.COLUMNS) + "\r\n");
        } else {
            writer.write('[');
        }
        boolean[] first = {true};
        changes.recordedIn(period.from(), period.to(), repId, customerId, row -> {
            try {
                if (csv) {
                    List<String> cells = new ArrayList<>();
                    for (String column : OwnershipChanges.COLUMNS) {
                        cells.add(Csv.cell(row.get(column)));
                    }
                    writer.write(String.join(",", cells) + "\r\n");
                } else {
                    writer.write(first[0] ? "" : ",");
                    writer.write(json.writeValueAsString(row));
                }
                first[0] = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!csv) {
            writer.write(']');
        }
        writer.flush();
    }
}
