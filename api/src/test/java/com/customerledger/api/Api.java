package com.customerledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client of the ledger for end-to-end tests: real requests, real JSON, HTTP Basic as a named user. */
public final class Api {

    /** Passwords of the users the tests log in as; r01..r50 are extra reps configured for the tests. */
    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-pass", "manager", "manager-pass",
            "auditor", "auditor-pass", "rep-a", "rep-a-pass", "rep-b", "rep-b-pass", "finance", "finance-pass",
            "warehouse", "warehouse-pass", "dealer-a", "dealer-a-pass", "dealer-b", "dealer-b-pass", "agro-a", "agro-a-pass");
    static final String EXTRA_REP_PASSWORD = "pw";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private final Duration timeout;

    public Api(int port) {
        this(port, Duration.ofSeconds(30));
    }

    private Api(int port, Duration timeout) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.timeout = timeout;
    }

    /** The same client, waiting up to {@code timeout} for an answer (30 s otherwise). */
    public Api withTimeout(Duration timeout) {
        return new Api(port, timeout);
    }

    public int port() {
        return port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {

        public String text(String field) {
            JsonNode value = body.path(field);
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }

        public long position() {
            return body.path("position").asLong();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null);
    }

    /**
     * Reads {@code path} until {@code until} holds, at most {@code timeout}: for effects that land in
     * the background (batches, deadlines, a restart's catch-up). Returns the last answer either way.
     */
    public Response await(String user, String path, java.util.function.Predicate<Response> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response response = get(user, path);
        while (!until.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = get(user, path);
        }
        return response;
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body);
    }

    public Response put(String user, String path, Object body) {
        return send(user, "PUT", path, body);
    }

    public Response patch(String user, String path, Object body) {
        return send(user, "PATCH", path, body);
    }

    public Response delete(String user, String path) {
        return send(user, "DELETE", path, null);
    }

    /** Sends {@code body} as it is when it is a String (so tests can send malformed JSON), else as JSON. */
    public Response send(String user, String method, String path, Object body) {
        String authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + PASSWORDS.getOrDefault(user, EXTRA_REP_PASSWORD)).getBytes(StandardCharsets.UTF_8));
        return sendAuthorized(authorization, method, path, body);
    }

    /** Posts {@code content} as the {@code file} part of a multipart form, as a browser uploads a file. */
    public Response upload(String user, String path, String fileName, byte[] content) {
        String boundary = "ledger-" + java.util.UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + PASSWORDS.getOrDefault(user, EXTRA_REP_PASSWORD)).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
            return new Response(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new IllegalStateException("upload to " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends with a bearer token instead of a user's password. */
    public Response withToken(String token, String method, String path, Object body) {
        return sendAuthorized("Bearer " + token, method, path, body);
    }

    private Response sendAuthorized(String authorization, String method, String path, Object body) {
        try {
            String json = body == null ? "" : body instanceof String text ? text : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = response.body().isBlank() ? MissingNode.getInstance() : parse(response.body());
            return new Response(response.statusCode(), parsed, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }
}
