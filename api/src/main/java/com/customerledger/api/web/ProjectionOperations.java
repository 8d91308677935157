package com.customerledger.api.web;

import com.customerledger.command.Actor;
import com.customerledger.command.operations.RecordParkedEventSkipCommand;
import com.customerledger.query.ParkedEvents;
import com.customerledger.query.ParkedEvents.ParkedEvent;
import com.customerledger.query.Projections;
import org.springframework.stereotype.Component;

/**
 * What the API and the admin console both do to a projection: refuse a name that is not one (404), and skip a parked
 * event: looked up among the parked ones (404 otherwise), the skip recorded as an event with who and why, then the
 * event taken off the park.
 */
@Component
public class ProjectionOperations {

    /** The event skipped and the position of the event that records it. */
    public record Skip(ParkedEvent event, long position) {
    }

    private final ParkedEvents parked;
    private final Commands commands;

    ProjectionOperations(ParkedEvents parked, Commands commands) {
        this.parked = parked;
        this.commands = commands;
    }

    /** A 404 for a name that is not one of the projections. */
    public static void known(String projection) {
        if (!Projections.ALL.contains(projection)) {
            throw new NotFoundException("projection", projection);
        }
    }

    public Skip skip(String projection, String eventId, String reason, Actor actor) {
        known(projection);
        ParkedEvent event = parked.list(projection).stream().filter(p -> p.eventId().equals(eventId)).findFirst()
                .orElseThrow(() -> new NotFoundException("parked event of " + projection, eventId));
        Commands.Accepted<Object> recorded = commands.send(new RecordParkedEventSkipCommand(projection, event.eventId(),
                event.type(), event.aggregateId(), reason, actor), actor);
        parked.skip(projection, eventId);
        return new Skip(event, recorded.position());
    }
}
