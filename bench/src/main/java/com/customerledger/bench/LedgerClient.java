package com.customerledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger's HTTP API as the benchmark uses it, with the development users of the embedded default
 * (HTTP Basic). Answers are read with a few regular expressions: the benchmark needs a handful of
 * numbers from them, not a JSON library.
 */
final class LedgerClient {

    static final Map<String, String> PASSWORDS = Map.of("admin", "admin-pass", "manager", "manager-pass",
            "rep-a", "rep-a-pass", "rep-b", "rep-b-pass");

    private static final Pattern POSITION = Pattern.compile("\"position\":(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One answer: its status and body. */
    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The {@code position} of a write's answer, the event's global position. */
        long position() {
            return longField(body, POSITION).orElseThrow(() -> new IllegalStateException("no position in " + body));
        }
    }

    /** A projection as {@code GET /api/admin/projections} reports it. */
    record Projection(String name, boolean replaying, long position, long head) {

        boolean atHead() {
            return !replaying && position >= head;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    LedgerClient(String base) {
        this.base = base;
    }

    Answer get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        if (user != null) {
            String credentials = user + ":" + PASSWORDS.get(user);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    /** Registers a rep who covers Shandong with room for every customer of a run. */
    void registerRep(String repId) throws IOException, InterruptedException {
        Answer answer = post("admin", "/api/reps", "{\"repId\":\"" + repId + "\",\"name\":\"Bench " + repId
                + "\",\"regions\":[{\"province\":\"山东省\"}],\"productLines\":[\"feed\"],"
                + "\"customerTypes\":[\"FARM\"],\"capacity\":100000}");
        if (!answer.ok()) {
            throw new IllegalStateException("registering " + repId + ": " + answer);
        }
    }

    List<Projection> projections() throws IOException, InterruptedException {
        Answer answer = get("admin", "/api/admin/projections");
        if (!answer.ok()) {
            throw new IllegalStateException("projection status: " + answer);
        }
        return projections(answer.body());
    }

    /** The head position (the last stored event's), from the projection status. */
    long head() throws IOException, InterruptedException {
        return projections().stream().mapToLong(Projection::head).max().orElse(0);
    }

    /** Waits until every projection has applied the head, polling every 200 ms. */
    void awaitProjectionsAtHead(Duration atMost) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!projections().stream().allMatch(Projection::atHead)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections not at the head after " + atMost + ": " + projections());
            }
            Thread.sleep(200);
        }
    }

    /** As {@link #awaitProjectionsAtHead}, for at most a minute, and without failing. */
    void awaitProjectionsAtHeadQuietly() throws InterruptedException {
        try {
            awaitProjectionsAtHead(Duration.ofMinutes(1));
        } catch (IOException | IllegalStateException e) {
            // a measurement of idle CPU with a projection still at work is only less exact
        }
    }

    static List<Projection> projections(String json) {
        List<Projection> result = new ArrayList<>();
        for (String object : json.split("\\{\"name\":")) {
            Matcher name = Pattern.compile("^\"([^\"]+)\"").matcher(object);
            if (name.find()) {
                result.add(new Projection(name.group(1), object.contains("\"replaying\":true"),
                        longField(object, Pattern.compile("\"position\":(\\d+)")).orElse(-1),
                        longField(object, Pattern.compile("\"head\":(\\d+)")).orElse(0)));
            }
        }
        return result;
    }

    private static java.util.OptionalLong longField(String text, Pattern pattern) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? java.util.OptionalLong.of(Long.parseLong(matcher.group(1)))
                : java.util.OptionalLong.empty();
    }
}
