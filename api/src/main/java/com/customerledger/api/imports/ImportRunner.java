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
import com.customerledger.command.assignment.AssignmentDesk;
import com.customerledger.command.assignment.AssignmentRules;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.AssignmentRule;
import com.customerledger.events.RepStatus;
import com.customerledger.events.CustomerProfile;
import com.customerledger.query.PageRequest;
import com.customerledger.query.rep.ListRepsQuery;
import com.customerledger.query.rep.RepPage;
import com.customerledger.query.rep.RepView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.customerledger.api.storage.StorePlatform;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Works through the import jobs in the background. Each row is a {@link RegisterCustomerCommand}
 * through the command bus, as the API sends it (the 撞单 guard, a rep's capacity, the assignment rules
 * when no owner is named), for the user who started the import and with its effective time. Up to
 * {@code ledger.imports.in-flight} rows are sent at once, each on a sender thread waiting for its
 * durable commit, so that one fdatasync of the event store covers the commits of several rows (group
 * commit); {@link RowWindow} keeps the outcome as if the rows had been sent one after the other: two
 * rows that are the same customer are never in flight together (the earlier is registered, the later
 * refused as its duplicate), a rep's rows wait for each other when their room could run out, and a
 * row that an assignment rule decides is sent alone.
 *
 * <p>The customer id of a row is {@code <importId>-r<row>}: sending a row again after a crash repeats
 * a registration the ledger already has, which appends nothing. Outcomes are recorded in row order up
 * to the first row still in flight, so a job resumed at its recorded row sends again every row whose
 * outcome was not recorded, and imports, counts and reports none twice. A later row that is the same
 * customer as an earlier row of the file is refused by the 撞单 guard with the earlier row's customer,
 * which names the row. A dry run reads the same rows and makes the same checks, one at a time, without
 * sending anything.
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
    private final AssignmentDesk assignment;
    private final Clock clock;
    private final int inFlight;
    private final boolean shared;

    ImportRunner(ImportJobs jobs, ImportFiles files, Commands commands, Reads reads, RepBook repBook,
                 CustomerKeyRegistry keys, AssignmentDesk assignment, Clock clock,
                 @Value("${ledger.imports.idle-poll}") Duration idlePoll, @Value("${ledger.imports.in-flight}") int inFlight,
                 org.springframework.core.env.Environment environment) {
        super("customer-import-runner", "import worker", idlePoll);
        if (inFlight < 1) {
            throw new IllegalArgumentException("ledger.imports.in-flight must be at least 1, not " + inFlight);
        }
        this.assignment = assignment;
        this.inFlight = inFlight;
        this.jobs = jobs;
        this.files = files;
        this.commands = commands;
        this.reads = reads;
        this.repBook = repBook;
        this.keys = keys;
        this.clock = clock;
        this.shared = StorePlatform.of(environment) == StorePlatform.POSTGRESQL;
    }

    /** The customer id a row of an import registers. */
    static String customerIdOf(String importId, int row) {
        return importId + "-r" + row;
    }

    /**
     * An import's file is on the instance that took its upload (under its {@code ledger.data-dir}): each
     * command instance runs its own imports, several at once when they share one database.
     */
    @Override
    protected boolean oneInstanceAtATime() {
        return false;
    }

    /** Runs every job that is still RUNNING to its end (or until stopped); returns whether there was any. */
    @Override
    protected boolean runOnce() {
        // with a database several command instances share, a job whose file is not here is another instance's
        List<Job> active = shared ? jobs.running().stream().filter(job -> Files.exists(files.pathOf(job.importId()))).toList()
                : jobs.running();
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
        ExecutorService senders = job.dryRun() ? null : Executors.newFixedThreadPool(inFlight, new SenderThreads());
        Pass pass = null;
        try (SheetRows rows = SheetRows.open(file, job.format())) {
            Columns columns = Columns.findHeader(rows);
            if (job.dryRun() && resumeAt > 2) {
                jobs.restart(job.importId(), columns.problems().size());
                resumeAt = 2;
            }
            pass = new Pass(job, columns, senders == null ? Runnable::run : senders);
            while (rows.hasNext()) {
                if (!running()) {
                    pass.window.awaitAll();
                    pass.flush();
                    return;
                }
                SheetRows.Line line = rows.next();
                if (line.number() < resumeAt) {
                    continue;
                }
                pass.handle(line);
                if (pass.pending >= CHUNK_ROWS || clock.instant().isAfter(pass.chunkStarted.plus(CHUNK_TIME))) {
                    pass.flush();
                }
            }
            pass.window.awaitAll();
            pass.flush();
            jobs.finish(job.importId(), ImportJobs.Status.DONE, null, clock.instant());
            files.delete(job.importId());
            log.info("import {} done{}", job.importId(), job.dryRun() ? " (dry run)" : "");
        } catch (RowWindow.RowFailedException failed) {
            // the rows before the failed one are recorded; it and the rows after it are sent again next round
            pass.window.awaitQuietly();
            pass.flush();
            throw failed.failure();
        } catch (ImportFileException | IOException | java.io.UncheckedIOException unreadable) {
            if (pass != null) {
                pass.window.awaitAll();
                pass.flush();
            }
            jobs.finish(job.importId(), ImportJobs.Status.FAILED, "the file could not be read to its end: "
                    + unreadable.getMessage(), clock.instant());
            log.warn("import {} failed: {}", job.importId(), unreadable.toString());
        } finally {
            if (pass != null) {
                pass.window.awaitQuietly();
            }
            if (senders != null) {
                senders.shutdown();
            }
        }
    }

    /** The threads an import's rows are sent on: daemons, never interrupted (see {@link PollingWorker}). */
    private static final class SenderThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "customer-import-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * One pass over a job's rows: the rows in flight ({@link RowWindow}), and the counters and items of
     * the rows finished since the last record, written in chunks. What runs on the sender threads
     * ({@link #register}) reads only this pass's fixed fields and gives its outcome back.
     */
    private final class Pass {

        private final Job job;
        private final Columns columns;
        private final RowReader reader;
        private final Actor actor;
        private final Map<String, List<String>> repsByName;
        /** Owner cells that are a rep's id, as found in the rep book; a rep id stays one. */
        private final Map<String, String> repIds = new HashMap<>();
        /** Per named owner, what is known of their room for more customers (see {@link #makeRoomFor}). */
        private final Map<String, Room> rooms = new HashMap<>();
        /** The active assignment rules when the pass began: a row without an owner that one of them matches is sent alone. */
        private final List<AssignmentRule> rules;
        /** Dry run only: identity key → the first row that has it. */
        private final Map<String, Integer> keysSeen = new HashMap<>();
        private final RowWindow window;
        private Progress progress = Progress.NONE;
        private final List<Item> items = new ArrayList<>();
        private int pending;
        private int nextRow;
        private java.time.Instant chunkStarted;

        Pass(Job job, Columns columns, java.util.concurrent.Executor senders) {
            this.job = job;
            this.columns = columns;
            this.reader = new RowReader(columns);
            // the import acts for the user who started it; their role was checked then
            this.actor = new Actor(job.startedBy(), null, job.roles());
            this.repsByName = columns.has(Columns.Field.OWNER) ? repsByName() : Map.of();
            this.rules = job.dryRun() ? List.of() : assignment.activeRules();
            this.nextRow = job.nextRow();
            this.chunkStarted = clock.instant();
            this.window = new RowWindow(job.dryRun() ? 1 : inFlight, senders, this::record);
        }

        /** Adds a finished row, in row order, to the chunk to be recorded. */
        private void record(int row, RowWindow.Outcome outcome) {
            progress = progress.plus(outcome.progress());
            items.addAll(outcome.items());
            pending++;
            nextRow = row + 1;
        }

        /** Records the rows finished so far, in order up to the first unfinished one: the job resumes after them. */
        void flush() {
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
            int row = line.number();
            RowReader.Result read = reader.read(line);
            if (read.candidate() == null) {
                window.settled(row, RowWindow.Outcome.error(read.problems().stream()
                        .map(p -> new Item(row, p.column(), p.message(), null, null)).toList()));
                return;
            }
            Candidate candidate = read.candidate();
            String owner = null;
            if (candidate.owner() != null) {
                Optional<String> resolved = resolveOwner(candidate.owner());
                if (resolved.isEmpty()) {
                    window.settled(row, RowWindow.Outcome.error(List.of(ownerProblem(row, candidate.owner()))));
                    return;
                }
                owner = resolved.get();
            }
            if (job.dryRun()) {
                window.settled(row, check(row, candidate.profile(), owner));
                return;
            }
            Set<String> keys = CustomerKeys.of(candidate.profile());
            // without an owner a matching rule decides from the registrations before it (rotation, load): send it alone
            boolean alone = owner == null && AssignmentRules.match(rules, candidate.profile()).isPresent();
            if (owner != null) {
                makeRoomFor(owner);
            }
            String rowOwner = owner;
            window.send(row, keys, owner, alone, () -> register(row, candidate, rowOwner));
        }

        /**
         * Sends no row for {@code owner} while the rows of theirs in flight could use up their room: then it
         * waits for those to finish first, so a rep's capacity takes the sheet's rows in sheet order, as
         * if they were sent one after the other. The room is read from the rep book when it is first needed
         * and counted down by the rows sent since; counted conservatively (a row that finished since the
         * read counts as in flight and as owned), it is read again when it looks used up.
         */
        private void makeRoomFor(String owner) {
            int busy = window.unfinished(owner);
            Room room = rooms.get(owner);
            if (busy > 0 && (room == null || room.left() < 1)) {
                // counted before the read: a row finishing in between counts twice, never not at all
                room = new Room(repBook.standing(owner)
                        .map(s -> s.status() == RepStatus.DEPARTED ? 0 : s.capacity() - s.owned() - busy)
                        .orElse(0));
                rooms.put(owner, room);
                if (room.left() < 1) {
                    window.awaitOwner(owner);
                    rooms.remove(owner);
                    return;
                }
            }
            if (room != null) {
                room.sent++;
            }
        }

        private Optional<String> resolveOwner(String value) {
            String known = repIds.get(value);
            if (known != null) {
                return Optional.of(known);
            }
            if (repBook.standing(value).isPresent()) {
                repIds.put(value, value);
                return Optional.of(value);
            }
            List<String> named = repsByName.getOrDefault(value, List.of());
            return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }

        private Item ownerProblem(int row, String value) {
            List<String> named = repsByName.getOrDefault(value, List.of());
            return new Item(row, columns.headerOf(Columns.Field.OWNER), named.isEmpty()
                    ? "no rep has the id or the name '" + value + "'"
                    : "the name '" + value + "' belongs to several reps " + named + "; give the rep id", null, null);
        }

        /** Runs on a sender thread: the row's registration (and grade), and what became of it. */
        private RowWindow.Outcome register(int row, Candidate candidate, String owner) {
            String customerId = customerIdOf(job.importId(), row);
            try {
                commands.dispatch(new RegisterCustomerCommand(new CustomerId(customerId), candidate.profile(), owner, actor,
                        job.effectiveAt(), job.importId()), actor);
                if (candidate.grade() != null) {
                    commands.dispatch(new OverrideGradeCommand(new CustomerId(customerId), candidate.grade(),
                            "导入 import " + job.importId(), actor), actor);
                }
                return RowWindow.Outcome.imported();
            } catch (CommandExecutionException refused) {
                Rejection rejection = refused.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                        .orElse(null);
                if (rejection == null) {
                    throw refused;
                }
                return refusedRow(row, rejection);
            }
        }

        private RowWindow.Outcome refusedRow(int row, Rejection rejection) {
            if (rejection.code() == ErrorCode.DUPLICATE_CUSTOMER) {
                String existing = rejection.facts().get("existingCustomerId");
                String existingOwner = rejection.facts().get("currentOwnerRepId");
                String prefix = job.importId() + "-r";
                String message = existing != null && existing.startsWith(prefix)
                        ? "the same customer as row " + existing.substring(prefix.length()) + " of this file ("
                        + rejection.facts().get("matchedOn") + "), not imported"
                        : "already in the ledger: " + rejection.detail();
                return RowWindow.Outcome.duplicate(new Item(row, null, message, existing, existingOwner));
            }
            String column = switch (rejection.code()) {
                case REP_NOT_FOUND, REP_DEPARTED, REP_AT_CAPACITY -> columns.headerOf(Columns.Field.OWNER);
                default -> null;
            };
            return RowWindow.Outcome.error(List.of(new Item(row, column, rejection.code() + ": " + rejection.detail(), null,
                    null)));
        }

        private RowWindow.Outcome check(int row, CustomerProfile profile, String owner) {
            Set<String> keysOfRow = CustomerKeys.of(profile);
            for (String key : keysOfRow) {
                Integer earlier = keysSeen.putIfAbsent(key, row);
                if (earlier != null) {
                    return RowWindow.Outcome.duplicate(new Item(row, null, "the same customer as row " + earlier
                            + " of this file (" + key.substring(0, key.indexOf(':')) + "), would not be imported", null,
                            null));
                }
            }
            try {
                keys.requireUnclaimed(keysOfRow, "");
                if (owner != null) {
                    repBook.requireCanReceive(owner);
                }
                return RowWindow.Outcome.imported();
            } catch (CommandExecutionException refused) {
                Rejection rejection = refused.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                        .orElseThrow(() -> refused);
                return refusedRow(row, rejection);
            }
        }
    }

    /** A rep's room when last read (capacity less owned and in flight then), and the rows sent for them since. */
    private static final class Room {
        private final int free;
        private int sent;

        Room(int free) {
            this.free = free;
        }

        int left() {
            return free - sent;
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
