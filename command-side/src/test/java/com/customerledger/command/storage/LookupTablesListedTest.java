package com.customerledger.command.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A rebuild of the lookups clears every table the lookup handlers write: a new table must be listed, or it keeps stale rows. */
class LookupTablesListedTest {

    @Test
    void everyLookupTableIsClearedByARebuild() throws IOException {
        String schema;
        try (InputStream in = LookupVerification.class.getResourceAsStream("/db/command-lookups.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> tables = new ArrayList<>();
        Matcher table = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)").matcher(schema);
        while (table.find()) {
            tables.add(table.group(1));
        }
        tables.removeAll(List.of("lookup_receipt", "lookup_watermark"));
        assertThat(tables).hasSizeGreaterThan(10);
        assertThat(LookupVerification.LOOKUP_TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }
}
