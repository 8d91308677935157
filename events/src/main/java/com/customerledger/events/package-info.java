/**
 * The events of the ledger: the durable contract. Every record here is stored forever in the event
 * store, so a change of shape comes with a new {@code @Revision} and an upcaster. Events carry the
 * business facts an auditor needs (who authorized, reason, effective time); tracing data lives in
 * the message metadata, never in the payload.
 */
package com.customerledger.events;
