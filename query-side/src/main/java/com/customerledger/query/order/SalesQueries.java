package com.customerledger.query.order;

import com.customerledger.events.order.NextPurchase;
import com.customerledger.events.SalesPeriod;
import com.customerledger.events.order.OrderLine;
import com.customerledger.events.sellthrough.SellThroughLine;
import com.customerledger.query.sellthrough.SellThroughProjection;
import com.customerledger.query.sellthrough.SellThroughView;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Sales reports from the delivered orders (never written here). */
@Component
public class SalesQueries {

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public SalesQueries(MongoTemplate mongo, ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    /** Running sums of one row. */
    private static final class Sum {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        final Set<String> orders = new HashSet<>();
        final Set<String> customers = new HashSet<>();
        String productLine;
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    SalesReport handle(SalesQuery query) {
        Map<String, Sum> products = new TreeMap<>();
        Map<String, Sum> lines = new TreeMap<>();
        Map<String, Integer> deliveriesPerCustomer = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long orders = 0;
        for (OrderProjection.OrderDocument order : mongo.find(Query.query(Criteria.where("status").is("DELIVERED")
                .and("deliveredAt").gte(query.from()).lt(query.to())), OrderProjection.OrderDocument.class)) {
            List<OrderLine> counted = order.lines.stream()
                    .filter(line -> query.productLine() == null || query.productLine().equals(line.productLine())).toList();
            if (counted.isEmpty()) {
                continue;
            }
            orders++;
            deliveriesPerCustomer.merge(order.customerId, 1, Integer::sum);
            for (OrderLine line : counted) {
                BigDecimal amount = line.amount();
                total = total.add(amount);
                for (Sum sum : List.of(products.computeIfAbsent(line.productId(), k -> new Sum()),
                        lines.computeIfAbsent(line.productLine(), k -> new Sum()))) {
                    sum.quantity = sum.quantity.add(line.quantity());
                    sum.amount = sum.amount.add(amount);
                    sum.orders.add(order.id());
                    sum.customers.add(order.customerId);
                    sum.productLine = line.productLine();
                }
            }
        }
        List<SalesReport.ProductRow> byProduct = new ArrayList<>();
        products.forEach((id, sum) -> byProduct.add(new SalesReport.ProductRow(id, sum.productLine, sum.quantity, sum.amount,
                sum.orders.size(), sum.customers.size())));
        byProduct.sort(Comparator.comparing(SalesReport.ProductRow::amount).reversed());
        List<SalesReport.LineRow> byLine = new ArrayList<>();
        lines.forEach((line, sum) -> byLine.add(new SalesReport.LineRow(line, sum.amount, sum.orders.size(),
                sum.customers.size())));
        byLine.sort(Comparator.comparing(SalesReport.LineRow::amount).reversed());
        long customers = deliveriesPerCustomer.size();
        long repeat = deliveriesPerCustomer.values().stream().filter(count -> count >= 2).count();
        return new SalesReport(query.from(), query.to(), byProduct, byLine, total, orders,
                new SalesReport.Repurchase(customers, repeat, customers == 0 ? null
                        : Math.round(10_000.0 * repeat / customers) / 10_000.0), soldOn(query));
    }

    /**
     * The customer's deliveries counted in the unit most of its delivered quantity came in (feed in bags and
     * premix in kg are not added up), with its scale and species from the customer view.
     */
    @QueryHandler
    @ReadsFrom({Projections.ACTIVITY, Projections.CUSTOMERS})
    NextPurchase handle(NextPurchaseQuery query) {
        org.bson.Document customer = mongo.findById(query.customerId(), org.bson.Document.class,
                com.customerledger.query.customer.CustomerProjection.COLLECTION);
        com.customerledger.events.Scale scale = null;
        List<String> species = List.of();
        if (customer != null) {
            org.bson.Document size = customer.get("scale", org.bson.Document.class);
            if (size != null && size.get("value") != null && size.getString("unit") != null) {
                scale = new com.customerledger.events.Scale(((Number) size.get("value")).doubleValue(),
                        com.customerledger.events.Scale.Unit.valueOf(size.getString("unit")));
            }
            species = customer.getList("species", String.class, List.of());
        }
        return nextPurchase(mongo, query.customerId(), scale, species);
    }

    /**
     * The customer's next purchase from its delivered orders, counted in the unit most of its delivered quantity came
     * in, with its scale and species: for the estimate's own read, the 360 view and the portfolio.
     */
    public static NextPurchase nextPurchase(MongoTemplate mongo, String customerId, com.customerledger.events.Scale scale,
                                            List<String> species) {
        return estimate(customerId, delivered(mongo, List.of(customerId)).getOrDefault(customerId, List.of()), scale, species);
    }

    /** The next purchases of several customers (a portfolio's page), their orders read at once. */
    public static Map<String, NextPurchase> nextPurchases(MongoTemplate mongo, List<String> customerIds,
                                                          java.util.function.Function<String, com.customerledger.events.Scale> scaleOf,
                                                          java.util.function.Function<String, List<String>> speciesOf) {
        Map<String, List<OrderProjection.OrderDocument>> delivered = delivered(mongo, customerIds);
        Map<String, NextPurchase> next = new HashMap<>();
        for (String customerId : customerIds) {
            next.put(customerId, estimate(customerId, delivered.getOrDefault(customerId, List.of()), scaleOf.apply(customerId),
                    speciesOf.apply(customerId)));
        }
        return next;
    }

    private static Map<String, List<OrderProjection.OrderDocument>> delivered(MongoTemplate mongo, List<String> customerIds) {
        Map<String, List<OrderProjection.OrderDocument>> byCustomer = new HashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        mongo.find(Query.query(Criteria.where("customerId").in(customerIds).and("status").is("DELIVERED")),
                        OrderProjection.OrderDocument.class)
                .forEach(order -> byCustomer.computeIfAbsent(order.customerId, id -> new ArrayList<>()).add(order));
        return byCustomer;
    }

    private static NextPurchase estimate(String customerId, List<OrderProjection.OrderDocument> delivered,
                                         com.customerledger.events.Scale scale, List<String> species) {
        List<NextPurchase.Delivered> lines = new ArrayList<>();
        delivered.forEach(order -> order.lines.forEach(line ->
                lines.add(new NextPurchase.Delivered(order.deliveredAt, line.unit(), line.quantity()))));
        return NextPurchase.ofDeliveries(customerId, lines, scale, species);
    }

    private List<SalesReport.SoldOnRow> soldOn(SalesQuery query) {
        Map<String, Sum> byLine = new TreeMap<>();
        for (SellThroughView view : SellThroughProjection.inForce(mongo)) {
            SalesPeriod period = SalesPeriod.parse(view.period());
            if (period.from(zone).isBefore(query.from()) || period.to(zone).isAfter(query.to())) {
                continue;
            }
            for (SellThroughLine line : view.lines()) {
                if (query.productLine() == null || query.productLine().equals(line.productLine())) {
                    Sum sum = byLine.computeIfAbsent(line.productLine(), k -> new Sum());
                    sum.quantity = sum.quantity.add(line.quantity());
                    sum.amount = sum.amount.add(line.amount());
                    sum.customers.add(view.customerId());
                }
            }
        }
        List<SalesReport.SoldOnRow> rows = new ArrayList<>();
        byLine.forEach((line, sum) -> rows.add(new SalesReport.SoldOnRow(line, sum.quantity, sum.amount, sum.customers.size())));
        return rows;
    }
}
