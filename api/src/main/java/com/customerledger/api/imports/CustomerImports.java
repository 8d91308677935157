package com.customerledger.api.imports;

import com.customerledger.api.config.OnCommandSide;
import com.customerledger.api.imports.ImportJobs.Item;
import com.customerledger.api.imports.ImportJobs.Job;
import com.customerledger.command.Actor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Starts imports and reports on them: the upload is stored, recognized (xlsx or CSV), its header row
 * mapped, and a job recorded for {@link ImportRunner}; a file the ledger cannot import at all is
 * refused before any job exists.
 */
@OnCommandSide
@Service
class CustomerImports {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportFiles files;
    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Clock clock;

    CustomerImports(ImportFiles files, ImportJobs jobs, ImportRunner runner, Clock clock) {
        this.files = files;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    /** What a client reads of an import: its state, the column mapping, the counters and a page of the reported problems. */
    record ImportView(String importId, String fileName, ImportJobs.Status status, boolean dryRun, Instant effectiveAt,
                      String startedBy, Map<String, String> columns, int rows, int imported, int duplicates, int errors,
                      String failure, Instant createdAt, Instant finishedAt, List<Item> items, int itemsTotal, int page,
                      int size) {
    }

    /** An upload on disk, not yet a job. */
    record Stored(String importId, String fileName, Path file) {
    }

    Stored store(String fileName, InputStream upload) throws IOException {
        String importId = newId();
        return new Stored(importId, fileName == null || fileName.length() > 300 ? null : fileName,
                files.store(importId, upload));
    }

    void discard(Stored stored) {
        files.delete(stored.importId());
    }

    /** Recognizes the stored file, maps its header row and records the job; a file that cannot be imported is refused. */
    Job start(Stored stored, Instant effectiveAt, boolean dryRun, Actor actor) throws IOException {
        if (effectiveAt != null && effectiveAt.isAfter(clock.instant())) {
            throw new ImportFileException("invalid-input", "effectiveAt " + effectiveAt
                    + " lies in the future; ownership periods cannot start ahead of time");
        }
        SheetRows.Format format = SheetRows.formatOf(stored.file());
        Columns columns;
        try (SheetRows rows = SheetRows.open(stored.file(), format)) {
            columns = Columns.findHeader(rows);
            if (!rows.hasNext()) {
                throw new ImportFileException("empty-file", "the sheet has a header row but no customers");
            }
        }
        List<Item> headerItems = columns.problems().stream()
                .map(problem -> new Item(columns.headerRow(), problem.header(), problem.message(), null, null)).toList();
        jobs.create(stored.importId(), stored.fileName(), format, dryRun, effectiveAt, actor.userId(), actor.roles(),
                columns.mapping(), headerItems, clock.instant());
        runner.nudge();
        return jobs.find(stored.importId()).orElseThrow();
    }

    Optional<ImportView> find(String importId, int page, int size) {
        return jobs.find(importId).map(job -> new ImportView(job.importId(), job.fileName(), job.status(), job.dryRun(),
                job.effectiveAt(), job.startedBy(), job.columns(), job.rows(), job.imported(), job.duplicates(),
                job.errors(), job.failure(), job.createdAt(), job.finishedAt(),
                jobs.items(importId, page * size, size), jobs.itemCount(importId), page, size));
    }

    private static String newId() {
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder id = new StringBuilder("imp-");
        for (int i = 0; i < 12; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
