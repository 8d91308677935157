package com.customerledger.api.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A CSV file read record by record (RFC 4180: quoted fields may hold separators, quotes doubled and
 * line breaks). The encoding is UTF-8 when the file starts with its byte order mark or is valid
 * UTF-8 throughout (checked in one streaming pass), otherwise GBK (read as GB18030, which contains
 * it): what Excel saves as "CSV" on a Chinese Windows. The separator is a comma, or a tab or
 * semicolon when the header has one of those and no comma.
 */
final class CsvRows implements SheetRows {

    static final Charset GBK = Charset.forName("GB18030");

    private final Reader reader;
    private final char separator;
    private int number;
    private Line next;
    private int pushedBack = -2;

    private CsvRows(Reader reader, char separator) {
        this.reader = reader;
        this.separator = separator;
    }

    static CsvRows open(Path file) throws IOException {
        Charset charset = charsetOf(file);
        char separator = separatorOf(file, charset);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (charset == StandardCharsets.UTF_8) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                in.reset();
            }
        }
        return new CsvRows(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), separator);
    }

    /** UTF-8 if every byte sequence of the file is valid UTF-8, else GBK. */
    static Charset charsetOf(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                if (utf8.decode(bytes, chars, end).isError()) {
                    return GBK;
                }
                chars.clear();
                bytes.compact();
            }
            if (utf8.flush(chars).isError() || bytes.position() > 0) {
                return GBK;
            }
        } catch (CharacterCodingException malformed) {
            return GBK;
        }
        return StandardCharsets.UTF_8;
    }

    private static char separatorOf(Path file, Charset charset) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), charset);
            int end = head.indexOf('\n');
            String header = end < 0 ? head : head.substring(0, end);
            if (header.indexOf(',') < 0 && header.indexOf('，') < 0) {
                if (header.indexOf('\t') >= 0) {
                    return '\t';
                }
                if (header.indexOf(';') >= 0) {
                    return ';';
                }
            }
            return ',';
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            List<String> cells = readRecord();
            if (cells == null) {
                return false;
            }
            Line line = new Line(++number, cells);
            if (!line.isEmpty()) {
                next = line;
            }
        }
        return true;
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

    private int read() {
        try {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return reader.read();
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    /** One record, or null at the end of the file. */
    private List<String> readRecord() {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    break;
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pushedBack = after;
                    }
                }
                break;
            } else if (c == separator) {
                cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append((char) c);
            }
            c = read();
        }
        cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
        cells.replaceAll(CsvRows::undefused);
        return cells;
    }

    /**
     * A cell an export defused ({@code '=…}, {@code '+86…}: a leading apostrophe so that a spreadsheet does
     * not run it as a formula) reads back as it was.
     */
    static String undefused(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
