package com.customerledger.query.order;

import com.customerledger.events.SalesPeriod;
import com.customerledger.events.order.OrderLine;
import com.customerledger.events.sellthrough.SellThroughLine;
import com.customerledger.query.sellthrough.SellThroughProjection;
import com.customerledger.query.sellthrough.SellThroughView;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import java.math.BigDecimal;
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

    public SalesQueries(MongoTemplate mongo) {
        this.mongo = mongo;
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

    private List<SalesReport.SoldOnRow> soldOn(SalesQuery query) {
        Map<String, Sum> byLine = new TreeMap<>();
        for (SellThroughView view : SellThroughProjection.inForce(mongo)) {
            SalesPeriod period = SalesPeriod.parse(view.period());
            if (period.from().isBefore(query.from()) || period.to().isAfter(query.to())) {
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
