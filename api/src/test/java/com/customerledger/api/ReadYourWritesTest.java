package com.customerledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.query.Projections;
import com.customerledger.query.QueryProjections;
import com.customerledger.query.batch.FindTransferBatchQuery;
import com.customerledger.query.customer.FindCustomerQuery;
import com.customerledger.query.ownership.FindOwnershipQuery;
import com.customerledger.query.rep.FindRepQuery;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code ?minPosition=} waits only for the projections whose read models answer the read: one
 * projection stopped (or replaying) holds back its own reads, not everyone else's.
 */
class ReadYourWritesTest extends EmbeddedLedgerTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    QueryProjections serving;

    @Test
    void theRunningLedgerKnowsWhichProjectionsServeEachQuery() {
        assertThat(serving.serving(FindOwnershipQuery.class)).containsExactly(Projections.OWNERSHIP);
        assertThat(serving.serving(FindCustomerQuery.class))
                .containsExactlyInAnyOrder(Projections.CUSTOMERS, Projections.ACTIVITY, Projections.FUNNEL);
        assertThat(serving.serving(FindRepQuery.class)).containsExactlyInAnyOrder(Projections.REPS, Projections.CUSTOMERS);
        assertThat(serving.serving(FindTransferBatchQuery.class)).containsExactly(Projections.BATCHES);
    }

    /** The ownership history and a rep's book at an instant come from ownership-history, not from the view checked first. */
    @Test
    void aReadWaitsForTheProjectionThatAnswersItNotOnlyForTheVisibilityCheck() {
        registerRep("rep-a", 1000);
        StreamingEventProcessor ownership = processing.eventProcessor(Projections.OWNERSHIP, StreamingEventProcessor.class)
                .orElseThrow();
        ownership.shutDown();
        try {
            Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
            long position = registered.position();
            String id = registered.text("customerId");
            assertThat(api.get("manager", "/api/customers/" + id + "?minPosition=" + position).status()).isEqualTo(200);

            Api.Response history = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + position);
            assertThat(history.status()).as(history.toString()).isEqualTo(503);
            assertThat(history.text("detail")).contains(Projections.OWNERSHIP);
            Api.Response book = api.get("manager", "/api/reps/rep-a/portfolio?asOf=" + java.time.Instant.now()
                    + "&minPosition=" + position);
            assertThat(book.status()).as(book.toString()).isEqualTo(503);
        } finally {
            ownership.start();
        }
    }

    @Test
    void aStoppedProjectionHoldsBackOnlyTheReadsItServes() {
        registerRep("rep-a", 1000);
        StreamingEventProcessor batches = processing.eventProcessor(Projections.BATCHES, StreamingEventProcessor.class)
                .orElseThrow();
        batches.shutDown();
        try {
            Api.Response registered = api.post("manager", "/api/customers", newCustomer("rep-a"));
            assertThat(registered.status()).isEqualTo(201);
            long position = registered.position();
            String id = registered.text("customerId");

            Api.Response customer = api.get("manager", "/api/customers/" + id + "?minPosition=" + position);
            assertThat(customer.status()).as(customer.toString()).isEqualTo(200);
            assertThat(customer.text("ownerRepId")).isEqualTo("rep-a");
            Api.Response history = api.get("auditor", "/api/customers/" + id + "/ownership?minPosition=" + position);
            assertThat(history.status()).as(history.toString()).isEqualTo(200);
            Api.Response rep = api.get("manager", "/api/reps/rep-a?minPosition=" + position);
            assertThat(rep.status()).as(rep.toString()).isEqualTo(200);

            Api.Response batch = api.get("manager", "/api/transfers/any-batch?minPosition=" + position);
            assertThat(batch.status()).as(batch.toString()).isEqualTo(503);
            assertThat(batch.text("type")).isEqualTo("urn:customer-ledger:problem:projections-behind");
            assertThat(batch.text("detail")).contains(Projections.BATCHES);
            assertThat(batch.raw().headers().firstValue("Retry-After")).isPresent();
        } finally {
            batches.start();
        }
    }
}
