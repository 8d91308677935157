package com.customerledger.api.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of an uploaded sheet, one at a time and never the whole sheet in memory: a {@code .xlsx}
 * workbook's first sheet ({@link XlsxRows}) or a CSV file in UTF-8 or GBK ({@link CsvRows}). What the
 * file is follows from its bytes, not its name. Rows that are entirely empty are passed over.
 */
interface SheetRows extends Iterator<SheetRows.Line>, Closeable {

    /** One row: its number as the sheet shows it (usually the header is row 1) and its cells as text, trimmed. */
    record Line(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        boolean isEmpty() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    /** The two formats the ledger reads. */
    enum Format { XLSX, CSV }

    /** What the bytes of {@code file} are; refuses a file that is empty, an old binary .xls, or not text at all. */
    static Format formatOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (head.length == 0) {
            throw new ImportFileException("empty-file", "the file is empty");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Format.XLSX;
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw new ImportFileException("not-a-spreadsheet",
                    "this is an old binary Excel file (.xls); save it as .xlsx or as CSV and import that");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportFileException("not-a-spreadsheet",
                        "the file is neither an .xlsx workbook nor CSV text (it holds binary data)");
            }
        }
        return Format.CSV;
    }

    static SheetRows open(Path file, Format format) throws IOException {
        return format == Format.XLSX ? XlsxRows.open(file) : CsvRows.open(file);
    }
}
