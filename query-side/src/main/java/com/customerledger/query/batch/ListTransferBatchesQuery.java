package com.customerledger.query.batch;

import com.customerledger.query.PageRequest;

/** Every departure and bulk transfer, the most recently started first. */
public record ListTransferBatchesQuery(PageRequest page) {
}
