package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * One item of a batch was settled without a move: {@code FAILED} (the move was refused; the
 * customer stays where it was; {@code code} and {@code detail} say why) or {@code UNCHANGED}
 * (nothing to do: the rules chose the current owner, or the collaborator role was already gone).
 */
@Revision("1")
public record TransferBatchItemNotMovedEvent(String batchId, String customerId, Kind kind, Outcome outcome, String code,
                                             String detail) {

    /** Whether the item was an owned customer to move or a collaborator role to remove. */
    public enum Kind {
        OWNED,
        COLLABORATION
    }

    public enum Outcome {
        FAILED,
        UNCHANGED
    }
}
