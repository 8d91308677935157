package com.customerledger.command.order;

import com.customerledger.command.Actor;
import com.customerledger.command.Role;
import com.customerledger.command.customer.CustomerId;
import com.customerledger.command.customer.RecordDealCommand;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.events.order.OrderDeliveredEvent;
import com.customerledger.events.order.OrderLine;
import com.customerledger.events.order.OrderSubmittedEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A delivered order is a deal: one per product line of the order, credited by the customer's
 * ownership history to whoever owned it at the delivery, so it feeds grading, the pool's clock, the
 * leaderboard and repurchase like a deal typed in. It runs inside the delivering command's
 * transaction (a subscribing processor): the delivery and its deals are stored together or not at
 * all, and the deal id ({@code <orderId>:<productLine>}) makes it idempotent.
 *
 * <p>The margin of a line is its amount less quantity × the product's {@code unitCost}; a product
 * without a cost adds its amount and no margin.
 */
@Component
@ProcessingGroup(DeliveredOrderDeals.PROCESSING_GROUP)
public class DeliveredOrderDeals {

    public static final String PROCESSING_GROUP = "order-deals";

    /** What one product line of an order sold and earned. */
    public record Deal(String productLine, BigDecimal amount, BigDecimal margin) {
    }

    private final EventStore eventStore;
    private final ProductCatalog catalog;
    private final CommandGateway commands;

    public DeliveredOrderDeals(EventStore eventStore, ProductCatalog catalog, CommandGateway commands) {
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.commands = commands;
    }

    @EventHandler
    void on(OrderDeliveredEvent delivered) {
        OrderSubmittedEvent submitted = eventStore.readEvents(new OrderId(delivered.orderId()).toString())
                .asStream().map(event -> event.getPayload()).filter(OrderSubmittedEvent.class::isInstance)
                .map(OrderSubmittedEvent.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + delivered.orderId() + " has no submission"));
        // the deliverer records it; the ledger, not the deliverer's role, decides that a delivery is a deal
        Actor recorder = new Actor(delivered.deliveredBy(), null, Set.of(Role.MANAGER));
        for (Deal deal : deals(submitted.lines(), this::unitCost)) {
            commands.sendAndWait(new RecordDealCommand(new CustomerId(delivered.customerId()),
                    delivered.orderId() + ":" + deal.productLine(), deal.productLine(), deal.amount(), deal.margin(),
                    delivered.deliveredAt(), recorder));
        }
    }

    private BigDecimal unitCost(String productId) {
        return catalog.find(productId).map(ProductCatalog.Entry::unitCost).orElse(null);
    }

    /** The order's lines summed per product line, in the order they first appear. */
    static List<Deal> deals(List<OrderLine> lines, java.util.function.Function<String, BigDecimal> unitCosts) {
        Map<String, BigDecimal[]> byLine = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            BigDecimal amount = line.amount();
            BigDecimal cost = unitCosts.apply(line.productId());
            BigDecimal margin = cost == null ? BigDecimal.ZERO
                    : amount.subtract(line.quantity().multiply(cost)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal[] sums = byLine.computeIfAbsent(line.productLine(), key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(amount);
            sums[1] = sums[1].add(margin);
        }
        return byLine.entrySet().stream().map(entry -> new Deal(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }
}
