package com.customerledger.events;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A manager started a bulk transfer of the customers of {@code fromRepId} matching {@code filter}
 * (fixed in {@code customerIds} at this moment), to {@code toRepId} or through the rules.
 */
@Revision("1")
public record TransferBatchStartedEvent(
        String batchId,
        String fromRepId,
        String toRepId,
        boolean byRules,
        CustomerFilterCriteria filter,
        TransferReason reason,
        Instant effectiveAt,
        String note,
        List<String> customerIds,
        String startedBy) implements TransferBatchStarted {

    public TransferBatchStartedEvent {
        customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
    }

    @Override
    public List<String> collaborations() {
        return List.of();
    }
}
