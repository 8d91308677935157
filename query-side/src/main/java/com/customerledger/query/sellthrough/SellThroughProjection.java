package com.customerledger.query.sellthrough;

import com.customerledger.events.SalesPeriod;
import com.customerledger.events.rebate.RebateAccrual;
import com.customerledger.events.sellthrough.SellThroughLine;
import com.customerledger.events.sellthrough.SellThroughReportedEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Dealers' sell-through reports per period, the latest in force (part of the activity projection, beside the orders). */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class SellThroughProjection {

    @org.springframework.data.mongodb.core.mapping.Document("sell_through")
    static class ReportsDocument extends SequencedDocument {
        String customerId;
        String period;
        SellThroughView.Report current;
        List<SellThroughView.Report> superseded = new ArrayList<>();
    }

    private final MongoTemplate mongo;

    public SellThroughProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static String idOf(String customerId, String period) {
        return customerId + ":" + period;
    }

    @EventHandler
    void on(SellThroughReportedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, ReportsDocument.class, idOf(event.customerId(), event.period()), sequence, recordedAt,
                ReportsDocument::new, reports -> {
                    reports.customerId = event.customerId();
                    reports.period = event.period();
                    if (reports.current != null) {
                        reports.superseded.add(0, reports.current);
                    }
                    reports.current = new SellThroughView.Report(event.reportId(), event.lines(), event.reportedBy(),
                            recordedAt);
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, ReportsDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    SellThroughView handle(FindSellThroughQuery query) {
        ReportsDocument reports = mongo.findById(idOf(query.customerId(), query.period().toString()), ReportsDocument.class);
        if (reports == null || reports.current == null) {
            return new SellThroughView(query.customerId(), query.period().toString(), null, List.of(), BigDecimal.ZERO,
                    BigDecimal.ZERO, null, null, List.of());
        }
        SellThroughView.Report current = reports.current;
        return new SellThroughView(query.customerId(), reports.period, current.reportId(), current.lines(),
                current.lines().stream().map(SellThroughLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                current.lines().stream().map(SellThroughLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                current.reportedBy(), current.reportedAt(), reports.superseded);
    }

    /** Every customer's and period's report in force (the superseded ones left out). */
    public static List<SellThroughView> inForce(MongoTemplate mongo) {
        return mongo.findAll(ReportsDocument.class).stream().filter(reports -> reports.current != null)
                .map(reports -> new SellThroughView(reports.customerId, reports.period, reports.current.reportId(),
                        reports.current.lines(), null, null, reports.current.reportedBy(), reports.current.reportedAt(),
                        List.of())).toList();
    }

    /** The lines of the report in force for the customer and period, as rebate programs count them; empty without one. */
    public static List<RebateAccrual.Delivered> soldOn(MongoTemplate mongo, String customerId, SalesPeriod period) {
        ReportsDocument reports = mongo.findById(idOf(customerId, period.toString()), ReportsDocument.class);
        if (reports == null || reports.current == null) {
            return List.of();
        }
        return reports.current.lines().stream()
                .map(line -> new RebateAccrual.Delivered(line.productLine(), line.quantity(), line.amount())).toList();
    }
}
