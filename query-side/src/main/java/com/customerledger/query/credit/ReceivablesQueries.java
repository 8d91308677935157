package com.customerledger.query.credit;

import com.customerledger.events.payment.PaymentAllocation;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.customer.CustomerProjection;
import com.customerledger.query.order.OrderProjection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Receivables aging, from the orders, payments and customers read models (never written here). */
@Component
public class ReceivablesQueries {

    private final MongoTemplate mongo;

    public ReceivablesQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    @ReadsFrom({Projections.ACTIVITY, Projections.CUSTOMERS})
    Receivables handle(ReceivablesQuery query) {
        List<String> ids = OrderProjection.customersWithDeliveries(mongo);
        Map<String, Document> customers = new HashMap<>();
        Criteria which = Criteria.where("_id").in(ids);
        if (query.repId() != null) {
            which = which.and("ownerRepId").is(query.repId());
        }
        Query profiles = Query.query(which);
        profiles.fields().include("name", "ownerRepId");
        mongo.find(profiles, Document.class, CustomerProjection.COLLECTION)
                .forEach(customer -> customers.put(customer.getString("_id"), customer));
        List<Receivables.CustomerRow> rows = new ArrayList<>();
        for (Map.Entry<String, Document> customer : customers.entrySet()) {
            PaymentAllocation.Result owed = OrderProjection.owed(mongo, customer.getKey(), query.asOf());
            ReceivablesAging.Buckets buckets = ReceivablesAging.age(owed.open(), query.asOf());
            if (buckets.outstanding().signum() > 0) {
                rows.add(new Receivables.CustomerRow(customer.getKey(), customer.getValue().getString("name"),
                        customer.getValue().getString("ownerRepId"), buckets,
                        owed.open().stream().map(PaymentAllocation.Open::dueAt).min(java.time.Instant::compareTo).orElse(null),
                        owed.advance()));
            }
        }
        rows.sort(Comparator.comparing((Receivables.CustomerRow row) -> row.buckets().outstanding()).reversed()
                .thenComparing(Receivables.CustomerRow::customerId));
        ReceivablesAging.Buckets total = ReceivablesAging.Buckets.NONE;
        Map<String, ReceivablesAging.Buckets> byRep = new TreeMap<>();
        for (Receivables.CustomerRow row : rows) {
            total = total.plus(row.buckets());
            byRep.merge(row.ownerRepId() == null ? "" : row.ownerRepId(), row.buckets(), ReceivablesAging.Buckets::plus);
        }
        List<Receivables.RepRow> reps = byRep.entrySet().stream()
                .map(rep -> new Receivables.RepRow(rep.getKey().isEmpty() ? null : rep.getKey(), rep.getValue())).toList();
        int size = query.page().size();
        int from = (int) Math.min((long) query.page().page() * size, rows.size());
        List<Receivables.CustomerRow> page = rows.subList(from, Math.min(from + size, rows.size()));
        return new Receivables(query.asOf(), query.repId(), total, reps, List.copyOf(page), query.page().page(), size,
                rows.size());
    }
}
