package com.customerledger.events;

import org.axonframework.serialization.Revision;

/**
 * Every item of a batch has been settled: {@code done} moved (or lost the collaborator role),
 * {@code unassigned} went to the pool for want of a rule, {@code unchanged} needed nothing, {@code failed} stayed.
 */
@Revision("1")
public record TransferBatchCompletedEvent(String batchId, int done, int unassigned, int unchanged, int failed) {
}
