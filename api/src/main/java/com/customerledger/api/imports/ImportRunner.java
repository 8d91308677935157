package com.customerledger.api.imports;

import com.customerledger.api.config.OnCommandSide;
import com.customerledger.command.PollingWorker;
import com.customerledger.api.imports.ImportJobs.Item;
import com.customerledger.api.imports.ImportJobs.Job;
import com.customerledger.api.imports.ImportJobs.Progress;
import com.customerledger.api.imports.RowReader.Candidate;
import com.customerledger.api.web.Commands;
import com.customerledger.api.web.Reads;
import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.Rejection;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.CustomerKeyRegistry;
import com.customerledger.command.customer.CustomerKeys;
import com.customerledger.command.customer.RegisterCustomerCommand;
import com.customerledger.command.grading.OverrideGradeCommand;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.CustomerProfile;
import com.customerledger.query.PageRequest;
import com.customerledger.query.rep.ListRepsQuery;
import com.customerledger.query.rep.RepPage;
import com.customerledger.query.rep.RepView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Works through the import jobs, one row at a time, in the background. Each row is a
 * {@link RegisterCustomerCommand} through the command bus, as the API sends it (the 撞单 guard, a
 * rep's capacity, the assignment rules when no owner is named), for the user who started the import
 * and with its effective time. The customer id of a row is {@code imp-<importId>-<row>}: sending a
 * row again after a crash repeats a registration the ledger already has, which appends nothing, so a
 * job resumed at its last recorded row imports no row twice. A later row that is the same customer
 * as an earlier row of the file is refused by the 撞单 guard with the earlier row's customer, which
 * names the row. A dry run reads the same rows and makes the same checks without sending anything.
 */
@OnCommandSide
@Component
class ImportRunner extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    private static final int CHUNK_ROWS = 100;
    private static final Duration CHUNK_TIME = Duration.ofSeconds(1);

    private final ImportJobs jobs;
    private final ImportFiles files;
    private final Commands commands;
    private final Reads reads;
    private final RepBook repBook;
    private final CustomerKeyRegistry keys;
    private final Clock clock;

    ImportRunner(ImportJobs jobs, ImportFiles files, Commands commands, Reads reads, RepBook repBook,
                 CustomerKeyRegistry keys, Clock clock, @Value("${ledger.imports.idle-poll}") Duration idlePoll) {
        super("customer-import-runner", "import worker", idlePoll);
        this.jobs = jobs;
        this.files = files;
        this.commands = commands;
        this.reads = reads;
        this.repBook = repBook;
        this.keys = keys;
        this.clock = clock;
    }

    /** The customer id a row of an import registers. */
    static String customerIdOf(String importId, int row) {
        return importId + "-r" + row;
    }

    /** Runs every job that is still RUNNING to its end (or until stopped); returns whether there was any. */
    @Override
    protected boolean runOnce() {
        List<Job> active = jobs.running();
        for (Job job : active) {
            if (!running()) {
                return true;
            }
            run(job);
        }
        return !active.isEmpty();
    }

    private void run(Job job) {
        Path file = files.pathOf(job.importId());
        if (!Files.exists(file)) {
            jobs.finish(job.importId(), ImportJobs.Status.FAILED, "the uploaded file is gone from " + file, clock.instant());
            return;
        }
        int resumeAt = job.nextRow();
        try (SheetRows rows = SheetRows.open(file, job.format())) {
            Columns columns = Columns.findHeader(rows);
            if (job.dryRun() && resumeAt > 2) {
                jobs.restart(job.importId(), columns.problems().size());
                resumeAt = 2;
            }
            Pass pass = new Pass(job, columns);
            while (rows.hasNext()) {
                if (!running()) {
                    pass.flush(pass.lastRow + 1);
                    return;
                }
                SheetRows.Line line = rows.next();
                if (line.number() < resumeAt) {
                    continue;
                }
                pass.handle(line);
                pass.lastRow = line.number();
                if (pass.pending >= CHUNK_ROWS || clock.instant().isAfter(pass.chunkStarted.plus(CHUNK_TIME))) {
                    pass.flush(line.number() + 1);
                }
            }
            pass.flush(pass.lastRow + 1);
            jobs.finish(job.importId(), ImportJobs.Status.DONE, null, clock.instant());
            files.delete(job.importId());
            log.info("import {} done{}", job.importId(), job.dryRun() ? " (dry run)" : "");
        } catch (ImportFileException | IOException | java.io.UncheckedIOException unreadable) {
            jobs.finish(job.importId(), ImportJobs.Status.FAILED, "the file could not be read to its end: "
                    + unreadable.getMessage(), clock.instant());
            log.warn("import {} failed: {}", job.importId(), unreadable.toString());
        }
    }

    /** One pass over a job's rows: counts and items since the last recorded row, written in chunks. */
    private final class Pass {

        private final Job job;
        private final Columns columns;
        private final RowReader reader;
        private final Actor actor;
        private final Map<String, List<String>> repsByName;
        /** Dry run only: identity key → the first row that has it. */
        private final Map<String, Integer> keysSeen = new HashMap<>();
        private Progress progress = Progress.NONE;
        private final List<Item> items = new ArrayList<>();
        private int pending;
        private int lastRow;
        private java.time.Instant chunkStarted;

        Pass(Job job, Columns columns) {
            this.job = job;
            this.columns = columns;
            this.reader = new RowReader(columns);
            // the import acts for the user who started it; their role was checked then
            this.actor = new Actor(job.startedBy(), null, job.roles());
            this.repsByName = columns.has(Columns.Field.OWNER) ? repsByName() : Map.of();
            this.lastRow = job.nextRow() - 1;
            this.chunkStarted = clock.instant();
        }

        void flush(int nextRow) {
            if (pending == 0 && items.isEmpty()) {
                return;
            }
            jobs.advance(job.importId(), nextRow, progress, items);
            progress = Progress.NONE;
            items.clear();
            pending = 0;
            chunkStarted = clock.instant();
        }

        void handle(SheetRows.Line line) {
            pending++;
            RowReader.Result read = reader.read(line);
            if (read.candidate() == null) {
                read.problems().forEach(p -> items.add(new Item(line.number(), p.column(), p.message(), null, null)));
                count(0, 0, 1);
                return;
            }
            Candidate candidate = read.candidate();
            String owner = null;
            if (candidate.owner() != null) {
                Optional<String> resolved = resolveOwner(line.number(), candidate.owner());
                if (resolved.isEmpty()) {
                    count(0, 0, 1);
                    return;
                }
                owner = resolved.get();
            }
            if (job.dryRun()) {
                check(line.number(), candidate.profile(), owner);
            } else {
                register(line.number(), candidate, owner);
            }
        }

        private void count(int imported, int duplicates, int errors) {
            progress = progress.plus(new Progress(1, imported, duplicates, errors));
        }

        private Optional<String> resolveOwner(int row, String value) {
            if (repBook.standing(value).isPresent()) {
                return Optional.of(value);
            }
            List<String> named = repsByName.getOrDefault(value, List.of());
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
            items.add(new Item(row, columns.headerOf(Columns.Field.OWNER), named.isEmpty()
                    ? "no rep has the id or the name '" + value + "'"
                    : "the name '" + value + "' belongs to several reps " + named + "; give the rep id", null, null));
            return Optional.empty();
        }

        private void register(int row, Candidate candidate, String owner) {
            String customerId = customerIdOf(job.importId(), row);
            try {
                commands.send(new RegisterCustomerCommand(new CustomerId(customerId), candidate.profile(), owner, actor,
                        job.effectiveAt(), job.importId()), actor);
                if (candidate.grade() != null) {
                    commands.send(new OverrideGradeCommand(new CustomerId(customerId), candidate.grade(),
                            "导入 import " + job.importId(), actor), actor);
                }
                count(1, 0, 0);
            } catch (CommandExecutionException refused) {
                Rejection rejection = refused.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                        .orElse(null);
                if (rejection == null) {
                    throw refused;
                }
                refusedRow(row, rejection);
            }
        }

        private void refusedRow(int row, Rejection rejection) {
            if (rejection.code() == ErrorCode.DUPLICATE_CUSTOMER) {
                String existing = rejection.facts().get("existingCustomerId");
                String existingOwner = rejection.facts().get("currentOwnerRepId");
                String prefix = job.importId() + "-r";
                String message = existing != null && existing.startsWith(prefix)
                        ? "the same customer as row " + existing.substring(prefix.length()) + " of this file ("
                        + rejection.facts().get("matchedOn") + "), not imported"
                        : "already in the ledger: " + rejection.detail();
                items.add(new Item(row, null, message, existing, existingOwner));
                count(0, 1, 0);
                return;
            }
            String column = switch (rejection.code()) {
                case REP_NOT_FOUND, REP_DEPARTED, REP_AT_CAPACITY -> columns.headerOf(Columns.Field.OWNER);
                default -> null;
            };
            items.add(new Item(row, column, rejection.code() + ": " + rejection.detail(), null, null));
            count(0, 0, 1);
        }

        private void check(int row, CustomerProfile profile, String owner) {
            for (String key : CustomerKeys.of(profile)) {
                Integer earlier = keysSeen.putIfAbsent(key, row);
                if (earlier != null) {
                    items.add(new Item(row, null, "the same customer as row " + earlier + " of this file ("
                            + key.substring(0, key.indexOf(':')) + "), would not be imported", null, null));
                    count(0, 1, 0);
                    return;
                }
            }
            try {
                keys.requireUnclaimed(CustomerKeys.of(profile), "");
                if (owner != null) {
                    repBook.requireCanReceive(owner);
                }
                count(1, 0, 0);
            } catch (CommandExecutionException refused) {
                Rejection rejection = refused.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                        .orElseThrow(() -> refused);
                refusedRow(row, rejection);
            }
        }
    }

    /**
     * The reps by name, for owners given by name: read once per pass from the reps' read model, once it
     * has caught up with every event stored when the pass began (a rep registered just before counts).
     */
    private Map<String, List<String>> repsByName() {
        Map<String, List<String>> byName = new HashMap<>();
        long head = commands.headPosition();
        int page = 0;
        RepPage reps;
        do {
            reps = reads.query(new ListRepsQuery(new PageRequest(page++, 200)), ResponseTypes.instanceOf(RepPage.class), head);
            for (RepView rep : reps.items()) {
                if (rep.name() != null) {
                    byName.computeIfAbsent(rep.name().strip(), k -> new ArrayList<>()).add(rep.repId());
                }
            }
        } while (!reps.items().isEmpty() && (long) page * 200 < reps.total());
        return byName;
    }

    /** A failed round (e.g. a store briefly unavailable): each job stays RUNNING at its last recorded row, with the trouble noted. */
    @Override
    protected void failed(RuntimeException unexpected) {
        jobs.running().forEach(job -> {
            try {
                jobs.noteTrouble(job.importId(), unexpected.toString());
            } catch (RuntimeException ignored) {
                // the store is still away; the next round notes it
            }
        });
    }
}
