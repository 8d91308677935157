package com.customerledger.api.web;

import com.customerledger.api.config.LedgerProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code ledger.http.max-body-size} is read: a declared length over it
 * is answered 413 at once, and a chunked body is cut off (413) when it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimit extends OncePerRequestFilter {

    /** The one endpoint that takes a file: its body may be as large as twice the import limit. */
    static final String UPLOAD_PATH = "/api/imports/customers";

    private final long bodyBytes;
    private final long uploadBytes;
    private final ObjectMapper json;

    BodyLimit(LedgerProperties properties, ObjectMapper json,
              @Value("${ledger.imports.max-file-size}") DataSize maxImportSize) {
        this.bodyBytes = properties.http().maxBodySize().toBytes();
        this.uploadBytes = Math.max(bodyBytes, maxImportSize.toBytes() * 2);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = UPLOAD_PATH.equals(request.getRequestURI()) ? uploadBytes : bodyBytes;
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), Problems.ofStatus(HttpStatus.PAYLOAD_TOO_LARGE,
                    "the request body has " + request.getContentLengthLong() + " bytes; the ledger reads at most " + maxBytes));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
    }

    /** Thrown while reading a body without a declared length once it passes the limit. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long maxBytes) {
            super("the request body is larger than the " + maxBytes + " bytes the ledger reads");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream source = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = source.read();
                        if (b >= 0 && ++read > maxBytes) {
                            throw new BodyTooLargeException(maxBytes);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = source.read(buffer, offset, length);
                        if (n > 0 && (read += n) > maxBytes) {
                            throw new BodyTooLargeException(maxBytes);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return source.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return source.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        source.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
