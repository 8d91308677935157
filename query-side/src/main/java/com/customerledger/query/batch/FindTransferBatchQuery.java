package com.customerledger.query.batch;

import com.customerledger.query.PageRequest;

/** A batch's progress with one page of its items, if the batch exists. */
public record FindTransferBatchQuery(String batchId, PageRequest page) {
}
