package com.customerledger.query.batch;

import java.util.List;

/** One page of the batches, the most recently started first. */
public record TransferBatchPage(List<TransferBatchSummary> items, int page, int size, long total) {
}
