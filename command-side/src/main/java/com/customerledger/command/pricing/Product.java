package com.customerledger.command.pricing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.events.pricing.ProductAddedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A product of the catalogue, as orders and pricing rules name it. */
@Aggregate
public class Product {

    @AggregateIdentifier
    private String productId;
    private ProductAddedEvent added;

    protected Product() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(AddProductCommand command) {
        if (!command.actor().actsForCompany()) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only managers and admins add products");
        }
        ProductAddedEvent event = new ProductAddedEvent(command.productId().value(), command.name(), command.productLine(),
                command.unit(), command.listPrice(), command.actor().userId(), command.unitCost());
        if (added != null) {
            if (sameProduct(added, event)) {
                return added.productId();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "product " + added.productId()
                    + " already exists with other data", "existingProductId", added.productId());
        }
        apply(event);
        return command.productId().value();
    }

    private static boolean sameProduct(ProductAddedEvent first, ProductAddedEvent again) {
        return first.name().equals(again.name()) && first.productLine().equals(again.productLine())
                && first.unit() == again.unit() && first.listPrice().compareTo(again.listPrice()) == 0
                && (first.unitCost() == null ? again.unitCost() == null
                        : again.unitCost() != null && first.unitCost().compareTo(again.unitCost()) == 0);
    }

    @EventSourcingHandler
    void on(ProductAddedEvent event) {
        productId = new ProductId(event.productId()).toString();
        added = event;
    }
}
