package com.customerledger.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A rep left the company. From now on they can never receive customers; the batch {@code batchId}
 * moves every customer they owned ({@code customerIds}, fixed at this moment) to the successor or,
 * without one, through the active assignment rules, and removes their collaborator roles.
 */
@Revision("1")
public record RepDepartedEvent(
        String repId,
        String successorRepId,
        String note,
        Instant effectiveAt,
        String batchId,
        List<String> customerIds,
        List<String> collaborations,
        String departedBy) implements TransferBatchStarted {

    public RepDepartedEvent {
        customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
        collaborations = collaborations == null ? List.of() : List.copyOf(collaborations);
    }

    @Override
    public String fromRepId() {
        return repId;
    }

    @Override
    public String toRepId() {
        return successorRepId;
    }

    @Override
    public boolean byRules() {
        return successorRepId == null;
    }

    @Override
    public TransferReason reason() {
        return TransferReason.DEPARTURE;
    }

    @Override
    public String startedBy() {
        return departedBy;
    }
}
