package com.customerledger.api.imports;

import com.customerledger.api.config.LedgerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The uploaded sheets of running imports, under {@code <ledger.data-dir>/imports/}: kept until the
 * job is done so that a restart can read the rest of the file, then deleted. A file is written to a
 * temporary name, synced, and moved into place before its job is recorded.
 */
@Component
class ImportFiles {

    private final Path directory;
    private final long maxBytes;

    ImportFiles(LedgerProperties properties, @Value("${ledger.imports.max-file-size}") DataSize maxFileSize) {
        this.directory = properties.dataDir().resolve("imports");
        this.maxBytes = maxFileSize.toBytes();
    }

    long maxBytes() {
        return maxBytes;
    }

    Path pathOf(String importId) {
        return directory.resolve(importId + ".upload");
    }

    /** Copies the upload into place; refuses one over the size limit (400) and leaves nothing behind. */
    Path store(String importId, InputStream upload) throws IOException {
        Files.createDirectories(directory);
        Path partial = directory.resolve(importId + ".partial");
        long written = 0;
        try (InputStream in = upload; FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE); OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                written += n;
                if (written > maxBytes) {
                    throw new ImportFileException("file-too-large", "the file is larger than the " + maxBytes
                            + " bytes an import takes (ledger.imports.max-file-size); split it into several sheets");
                }
                out.write(buffer, 0, n);
            }
            channel.force(true);
        } catch (IOException | RuntimeException failed) {
            Files.deleteIfExists(partial);
            throw failed;
        }
        Path file = pathOf(importId);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    void delete(String importId) {
        try {
            Files.deleteIfExists(pathOf(importId));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
