package com.customerledger.command.rep;

import com.customerledger.command.Actor;
import com.customerledger.events.RepStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Send a rep on leave or bring them back (ACTIVE / ON_LEAVE), by a manager or admin. Departure is
 * not a status change a person makes directly: it moves the rep's whole book and has its own
 * process. Setting the status the rep already has is a repeat: it appends nothing.
 */
public record ChangeRepStatusCommand(@TargetAggregateIdentifier RepId repId, RepStatus status, String reason, Actor actor) {
}
