package com.customerledger.command.operations;

import com.customerledger.command.Actor;

/**
 * Records that an admin has a projection drop a parked event (one it could not apply), with the
 * reason, so the decision is part of the audited stream.
 */
public record RecordParkedEventSkipCommand(String projection, String eventId, String eventType, String aggregateId,
                                           String reason, Actor actor) {
}
