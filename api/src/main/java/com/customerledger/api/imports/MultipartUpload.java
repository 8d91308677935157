package com.customerledger.api.imports;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body read part by part as it arrives (RFC 7578), so that an
 * uploaded sheet streams to disk instead of being held in memory. Only this endpoint reads
 * multipart bodies: the servlet container and Spring are left to treat a multipart body sent
 * anywhere else as the unsupported media type it is there.
 */
final class MultipartUpload {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");
    private static final int MAX_HEADERS = 8192;

    /** One part: its form field name, the file name a browser gave (or null), and its content until the next boundary. */
    record Part(String name, String fileName, InputStream content) {
    }

    private final BufferedInputStream in;
    private final byte[] delimiter;
    private boolean finished;
    private PartContent current;

    private MultipartUpload(InputStream body, String boundary) {
        this.in = new BufferedInputStream(body, 1 << 16);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    static MultipartUpload of(String contentType, InputStream body) throws IOException {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (boundary == null || !boundary.find()) {
            throw new ImportFileException("malformed-upload", "the Content-Type names no multipart boundary");
        }
        String value = boundary.group(2) != null ? boundary.group(2) : boundary.group(1);
        if (value.isEmpty() || value.length() > 70) {
            throw new ImportFileException("malformed-upload", "the multipart boundary must have 1 to 70 characters");
        }
        MultipartUpload upload = new MultipartUpload(body, value);
        upload.skipPreamble();
        return upload;
    }

    /** The first delimiter may open the body without the CRLF before it. */
    private void skipPreamble() throws IOException {
        byte[] first = new byte[delimiter.length - 2];
        System.arraycopy(delimiter, 2, first, 0, first.length);
        in.mark(first.length);
        byte[] head = in.readNBytes(first.length);
        if (java.util.Arrays.equals(head, first)) {
            afterDelimiter();
            return;
        }
        in.reset();
        PartContent preamble = new PartContent();
        preamble.transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** After a delimiter: "--" ends the body, CRLF starts a part. */
    private void afterDelimiter() throws IOException {
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            finished = true;
        } else if (!(a == '\r' && b == '\n')) {
            throw new ImportFileException("malformed-upload", "the multipart body is malformed after a boundary");
        }
    }

    /** The next part, or null after the last; the previous part's content is skipped if it was not read to its end. */
    Part next() throws IOException {
        if (current != null) {
            current.transferTo(java.io.OutputStream.nullOutputStream());
            current = null;
        }
        if (finished) {
            return null;
        }
        String headers = readHeaders();
        String disposition = headers.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-disposition:"))
                .findFirst().orElseThrow(() -> new ImportFileException("malformed-upload",
                        "a part of the multipart body has no Content-Disposition"));
        Matcher name = NAME.matcher(disposition);
        Matcher fileName = FILE_NAME.matcher(disposition);
        current = new PartContent();
        return new Part(name.find() ? name.group(1) : "", fileName.find() ? fileName.group(1) : null, current);
    }

    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new ImportFileException("malformed-upload", "the multipart body ends inside a part's headers");
            }
            headers.write(b);
            if (headers.size() > MAX_HEADERS) {
                throw new ImportFileException("malformed-upload", "a part's headers are longer than " + MAX_HEADERS + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.UTF_8);
    }

    /** A part's bytes up to the next delimiter. */
    private final class PartContent extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new ImportFileException("malformed-upload", "the multipart body ends before its closing boundary");
            }
            if (b != delimiter[0]) {
                return b;
            }
            in.mark(delimiter.length);
            for (int i = 1; i < delimiter.length; i++) {
                if (in.read() != delimiter[i]) {
                    in.reset();
                    return b;
                }
            }
            ended = true;
            afterDelimiter();
            return -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
                if (in.available() == 0 && n > 0) {
                    break;
                }
            }
            return n;
        }
    }
}
