package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI, as a browser draws it: headless Chromium loads {@code /swagger-ui/index.html}, runs its
 * scripts against {@code /v3/api-docs}, and the page must show every tag and every operation's summary,
 * the Authorize button, and no error of the document. A screenshot is left in
 * {@code api/target/swagger-ui.png} to look at. Skipped where no Chromium is installed
 * ({@code chromium}, {@code chromium-browser} or {@code google-chrome} on the PATH, or {@code -Dchromium=…}).
 */
class SwaggerUiTest extends EmbeddedLedgerTest {

    @Test
    void swaggerUiDrawsEveryOperationOfTheDocument() throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on this machine: the Swagger UI check is skipped");
        String page = "http://localhost:" + port + "/swagger-ui/index.html";

        String dom = run(chromium.get(), "--dump-dom", page);
        run(chromium.get(), "--window-size=1280,2400", "--screenshot=" + Path.of("target", "swagger-ui.png").toAbsolutePath(), page);

        JsonNode doc = api.get(null, "/v3/api-docs").body();
        List<String> missing = new ArrayList<>();
        doc.get("tags").forEach(tag -> {
            if (!dom.contains(tag.get("name").asText())) {
                missing.add("tag " + tag.get("name").asText());
            }
        });
        int operations = 0;
        for (JsonNode path : (Iterable<JsonNode>) doc.get("paths")::elements) {
            for (JsonNode operation : (Iterable<JsonNode>) path::elements) {
                operations++;
                String summary = operation.path("summary").asText();
                if (!dom.contains(escape(summary))) {
                    missing.add("summary " + summary);
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(40);
        assertThat(missing).as("drawn by Swagger UI").isEmpty();
        assertThat(dom).contains("Authorize").doesNotContain("Failed to load API definition").doesNotContain("errors-wrapper");
        assertThat(Path.of("target", "swagger-ui.png")).isNotEmptyFile();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String run(Path chromium, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--virtual-time-budget=20000"));
        command.addAll(List.of(arguments));
        File output = Files.createTempFile("chromium-", ".out").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(output).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s: " + command);
        }
        assertThat(process.exitValue()).as("Chromium's exit code for " + command).isZero();
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        String configured = System.getProperty("chromium");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
