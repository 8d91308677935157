package com.customerledger.command.sample;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.events.sample.SampleDispatchedEvent;
import com.customerledger.events.sample.SampleRequestedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A sample a customer asked for: requested once from a visit, sent once by the warehouse. */
@Aggregate
public class Sample {

    private static final String PREFIX = "sample:";

    @AggregateIdentifier
    private String id;
    private SampleRequestedEvent requested;
    private boolean dispatched;

    protected Sample() {
        // for Axon
    }

    static String aggregateId(String sampleId) {
        return PREFIX + sampleId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestSampleCommand command, ProductCatalog catalog) {
        if (requested != null) {
            return; // the visit was seen again: its sample is requested already
        }
        ProductCatalog.Entry product = catalog.find(command.productId()).orElseThrow(() -> RejectedException.of(
                ErrorCode.PRODUCT_NOT_FOUND, "no product " + command.productId() + " to send a sample of", "productId",
                command.productId()));
        apply(new SampleRequestedEvent(command.sampleId(), command.customerId(), command.visitId(), command.repId(),
                product.productId(), product.productLine(), command.quantity(), command.requestedBy()));
    }

    @CommandHandler
    public void handle(DispatchSampleCommand command) {
        if (!command.actor().roles().contains(Role.WAREHOUSE) && !command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only the warehouse dispatches samples");
        }
        if (!dispatched) {
            apply(new SampleDispatchedEvent(requested.sampleId(), requested.customerId(), requested.repId(),
                    requested.productLine(), command.note(), command.actor().userId()));
        }
    }

    @EventSourcingHandler
    void on(SampleRequestedEvent event) {
        id = aggregateId(event.sampleId());
        requested = event;
    }

    @EventSourcingHandler
    void on(SampleDispatchedEvent event) {
        dispatched = true;
    }
}
