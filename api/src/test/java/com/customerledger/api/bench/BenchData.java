package com.customerledger.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/** A benchmark's own data directory: its file sizes are printed, then it is removed (a 1,000,000-event run leaves ~15 GB). */
final class BenchData {

    private BenchData() {
    }

    /** Prints the size of each store file, then deletes the directory. Call after the ledger has been closed. */
    static void reportAndRemove(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(file -> System.out.printf("%s: %,d MiB%n", file.getFileName(), size(file) >> 20));
        }
        FileSystemUtils.deleteRecursively(dir);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
