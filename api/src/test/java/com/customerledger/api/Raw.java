package com.customerledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 written by hand over a socket, for what {@link java.net.http.HttpClient} refuses to send:
 * raw bytes and invalid escapes in the request line, any header, any body bytes. One request per
 * connection; answers as an {@link Api.Response}, with status -1 when no HTTP answer came.
 */
final class Raw {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Raw() {
    }

    static Api.Response send(Api api, String user, String method, String path, String contentType, String body) {
        return send(api.port(), method, path, user, contentType == null ? List.of() : List.of("Content-Type: " + contentType),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the request line, a Host and the {@code headers} as they are, the body's bytes with their length. */
    static Api.Response send(int port, String method, String target, String user, List<String> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (user != null) {
            String password = Api.PASSWORDS.getOrDefault(user, Api.EXTRA_REP_PASSWORD);
            head.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        headers.forEach(header -> head.append(header).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server may answer (413, 400) and close before it has read the whole request
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // what came before the reset is the answer
        }
        return all.toByteArray();
    }

    private static Api.Response parse(byte[] bytes) {
        String head = new String(bytes, StandardCharsets.ISO_8859_1);
        int split = head.indexOf("\r\n\r\n");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!head.startsWith("HTTP/") || split < 0) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return new Api.Response(-1, MissingNode.getInstance(), new Answer(-1, HttpHeaders.of(headers, (a, b) -> true),
                    bytes.length == 0 ? "(connection closed without an answer)" : "(no status line) " + text));
        }
        String[] lines = head.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode parsed;
        try {
            parsed = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException notJson) {
            parsed = MissingNode.getInstance();
        }
        return new Api.Response(status, parsed, new Answer(status, HttpHeaders.of(headers, (a, b) -> true), text));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd < chunked.length - 1 && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private record Answer(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public java.net.URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
