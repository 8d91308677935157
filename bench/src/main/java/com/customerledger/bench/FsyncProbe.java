package com.customerledger.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * This machine's fdatasync rate: 512-byte appends to a file in the given directory, each followed by
 * {@code FileChannel.force(false)} (fdatasync on Linux), for a fixed time. It is the ceiling a store
 * that syncs every commit could reach, and the unit every throughput of the run is divided by.
 */
final class FsyncProbe {

    private FsyncProbe() {
    }

    /** Syncs per second measured over {@code duration}; the probe file is removed afterwards. */
    static double syncsPerSecond(Path directory, Duration duration) throws IOException {
        Path file = directory.resolve("fsync-probe.tmp");
        ByteBuffer block = ByteBuffer.allocate(512);
        long syncs = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long now;
            do {
                block.clear();
                channel.write(block);
                channel.force(false);
                syncs++;
                now = System.nanoTime();
            } while (now < end);
            return syncs * 1e9 / (now - start);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
