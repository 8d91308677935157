package com.customerledger.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import com.customerledger.events.EventPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Tells whether the projections have applied every event up to a global position, and waits for
 * that (bounded) so a client can read its own writes with {@code ?minPosition=}; reports each
 * projection's status and replays a projection from the first event.
 */
@Component
public class ProjectionProgress {

    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;
    private final MongoTemplate mongo;
    private final EventPositions positions;
    private final Map<String, ProjectionStatus.Failure> failures = new java.util.concurrent.ConcurrentHashMap<>();

    public ProjectionProgress(EventProcessingConfiguration processing, ParkedEvents parked,
                              MongoTemplate mongo, EventPositions positions) {
        this.processing = processing;
        this.parked = parked;
        this.mongo = mongo;
        this.positions = positions;
    }

    /**
     * Waits until the projections {@code groups} (those serving one read, see {@link QueryProjections})
     * have reached {@code position}, at most {@code timeout}; true if they have. The others may lag or
     * replay meanwhile.
     */
    public boolean awaitPosition(long position, Duration timeout, Collection<String> groups) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(position, groups)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether every projection has reached {@code position}. */
    public boolean reached(long position) {
        return reached(position, Projections.ALL);
    }

    public boolean reached(long position, Collection<String> groups) {
        return groups.stream().allMatch(group -> position(group).orElse(-1) >= position);
    }

    /**
     * Each projection's status against the event store's head, with its parked events and the last
     * failure of its processor (a store it could not reach, for instance) while that has not healed.
     */
    public List<ProjectionStatus> statuses(long head) {
        return Projections.ALL.stream().map(group -> {
            StreamingEventProcessor processor = processor(group);
            OptionalLong position = position(group);
            int segments = processor.processingStatus().size();
            ProjectionStatus.Failure failure = failures.get(group);
            boolean failing = processor.isError() || (failure != null && segments == 0);
            return new ProjectionStatus(group, processor.isRunning(), processor.isReplaying(), failing, segments,
                    position.isPresent() ? position.getAsLong() : null, head,
                    position.isPresent() ? Math.max(0, head - position.getAsLong()) : null, parked.count(group),
                    failing ? failure : null);
        }).toList();
    }

    /** Notes that a projection's processor failed (its error handler calls this before the processor backs off and retries). */
    public void failed(String group, Throwable cause, Instant at) {
        failures.put(group, new ProjectionStatus.Failure(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()), at));
    }

    /**
     * Rebuilds one projection from the first event: stops its processor (the others keep serving),
     * resets its tokens to the start of the stream, which calls its reset handler to clear the read
     * model, and starts it again. Progress shows in {@link #statuses(long)}.
     *
     * <p>Clearing the read model and storing the reset tokens are separate writes, so a crash between
     * them would leave an emptied read model behind a token that has passed every event. A note that
     * the reset is under way is stored first and removed only once the tokens are stored; a start that
     * finds the note does the reset again ({@link #resumeInterruptedResets()}) before the processors run.
     */
    public void replay(String group) {
        if (!Projections.ALL.contains(group)) {
            throw new IllegalArgumentException("no projection named " + group);
        }
        StreamingEventProcessor processor = processor(group);
        try {
            processor.shutdownAsync().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + group, interrupted);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
            throw new IllegalStateException("could not stop " + group, failed);
        }
        reset(group, processor);
        processor.start();
    }

    /**
     * Does again every reset that a crash interrupted (its note is still there), while the
     * processors are not yet running; called once at start, before they start. Answers the projections reset.
     */
    public List<String> resumeInterruptedResets() {
        // an instance without projections (the command role) leaves the notes to the instances that run them
        List<String> groups = mongo.findAll(ResetUnderWay.class).stream().map(ResetUnderWay::group)
                .filter(Projections.ALL::contains)
                .filter(group -> processing.eventProcessor(group, StreamingEventProcessor.class).isPresent()).toList();
        groups.forEach(group -> reset(group, processor(group)));
        return groups;
    }

    private void reset(String group, StreamingEventProcessor processor) {
        mongo.save(new ResetUnderWay(group, Instant.now()));
        parked.clear(group);
        processor.resetTokens(source -> source.createTailToken());
        mongo.remove(Query.query(
                Criteria.where("_id").is(group)), ResetUnderWay.class);
    }

    /** A projection whose read model is being cleared and whose tokens are being reset (one per projection). */
    @Document("projection_resets")
    record ResetUnderWay(@Id String group, Instant startedAt) {
    }

    private StreamingEventProcessor processor(String group) {
        return processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for " + group));
    }

    /**
     * The lowest position over the segments of a projection's processor (as {@link EventPositions}
     * numbers them), empty while no segment is claimed.
     */
    public OptionalLong position(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class).orElse(null);
        if (processor == null) {
            return OptionalLong.empty();
        }
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : status.values()) {
            OptionalLong current = segment.getCurrentPosition();
            if (current.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, current.getAsLong());
        }
        return positions.of(OptionalLong.of(lowest));
    }
}
