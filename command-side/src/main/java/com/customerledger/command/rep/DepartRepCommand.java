package com.customerledger.command.rep;

import com.customerledger.command.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a rep left: from now on they receive nothing, and the batch {@code batchId} moves
 * every customer they own to {@code successorRepId} or, when null, through the assignment rules,
 * and removes their collaborator roles.
 */
public record DepartRepCommand(
        @TargetAggregateIdentifier RepId repId,
        String successorRepId,
        String reason,
        Instant effectiveAt,
        String batchId,
        Actor actor) {
}
