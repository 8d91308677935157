package com.customerledger.query.batch;

/** One customer of a batch: {@code kind} OWNED or COLLABORATION, its status, the new owner, and why it did not move. */
public record TransferBatchItemView(String customerId, String kind, String status, String toRepId, String detail) {
}
