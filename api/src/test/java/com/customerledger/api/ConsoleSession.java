package com.customerledger.api;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser's session with the console, without a browser: a cookie jar, the CSRF token of the last page, forms. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(int status, String body, String location) {
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String language = "zh-CN";
    private String csrf;

    ConsoleSession(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    ConsoleSession inEnglish() {
        language = "en";
        return this;
    }

    /** Logs in through the login form; the page the form led to. */
    Page login(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form with the session's CSRF token. */
    Page post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        if (csrf != null) {
            form.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, form);
    }

    /** Posts a form as it is (a forged one has no token). */
    Page postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", language)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
