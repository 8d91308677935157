package com.customerledger.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories of test ledgers live under the module's target/test-data, not in the system's
 * temporary directory: a Spring test context closes only when the JVM exits, so nothing can delete
 * them in time, and {@code mvn clean} (or a fresh clone) removes them instead of /tmp filling up.
 */
public final class TestData {

    private TestData() {
    }

    public static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), prefix)
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
