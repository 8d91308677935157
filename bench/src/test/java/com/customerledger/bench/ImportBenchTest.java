package com.customerledger.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import benchmark's sheet is what its figures say it is: N rows, every 100th a duplicate of the row before. */
class ImportBenchTest {

    @TempDir
    Path dir;

    @Test
    void theSheetHasItsRowsAndSaysHowManyAreDuplicates() throws Exception {
        Path sheet = dir.resolve("sheet.csv");
        int duplicates = ImportBench.writeSheet(sheet, 250);
        List<String> lines = Files.readAllLines(sheet, StandardCharsets.UTF_8);
        assertEquals(251, lines.size());
        assertTrue(lines.get(0).startsWith("客户名称,客户类型,省份"), lines.get(0));
        assertEquals(2, duplicates);
        assertEquals(lines.get(99), lines.get(100));
        assertEquals(248, lines.subList(1, 251).stream().distinct().count());
    }

    @Test
    void theWorkbookHoldsTheSameRowsAsTheCsv() throws Exception {
        Path workbook = dir.resolve("sheet.xlsx");
        assertEquals(2, ImportBench.writeWorkbook(workbook, 250));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(workbook.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
            assertTrue(entry != null, "a first sheet");
            String xml = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(251, xml.split("<row ", -1).length - 1, "a header and 250 rows");
            String strings = new String(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            // Excel's way: the text of the cells in one table the reader holds (names, phones, contacts: ~4 a row)
            java.util.regex.Matcher unique = java.util.regex.Pattern.compile("uniqueCount=\"(\\d+)\"").matcher(strings);
            assertTrue(unique.find(), "a shared strings table");
            assertTrue(Integer.parseInt(unique.group(1)) > 3 * 248, strings.substring(0, 200));
        }
    }
}
