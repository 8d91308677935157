package com.customerledger.api.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an {@code .xlsx} workbook, streamed row by row with FastExcel's reader (a StAX
 * parser over the sheet's XML inside the zip; only the shared strings table is held). A number is
 * written out plainly ({@code 13805361234}, not {@code 1.38E10}); a formula gives its cached value.
 */
final class XlsxRows implements SheetRows {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private Line next;

    private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
    }

    static XlsxRows open(Path file) throws IOException {
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile());
            return new XlsxRows(workbook, workbook.getFirstSheet().openStream());
        } catch (IOException | ExcelReaderException | IllegalStateException | IllegalArgumentException unreadable) {
            throw new ImportFileException("not-a-spreadsheet",
                    "the file is a zip archive but not a readable .xlsx workbook: " + unreadable.getMessage());
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            Row row;
            try {
                if (!rows.hasNext()) {
                    return false;
                }
                row = rows.next();
            } catch (ExcelReaderException | IllegalStateException broken) {
                throw new ImportFileException("not-a-spreadsheet", "the workbook cannot be read further: " + broken.getMessage());
            }
            List<String> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            Line line = new Line(row.getRowNum(), cells);
            if (!line.isEmpty()) {
                next = line;
            }
        }
        return true;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            try {
                return new BigDecimal(cell.getRawValue()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException odd) {
                return cell.getRawValue().trim();
            }
        }
        String raw = cell.getType() == CellType.FORMULA ? cell.getRawValue() : cell.getText();
        return raw == null ? "" : raw.trim();
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    @Override
    public void close() throws IOException {
        stream.close();
        workbook.close();
    }
}
