package com.customerledger.command.sellthrough;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.Actor;
import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.pricing.ProductCatalog;
import com.customerledger.command.rep.RepBook;
import com.customerledger.events.sellthrough.SellThroughLine;
import com.customerledger.events.sellthrough.SellThroughReportedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A dealer's sell-through reports for one period: each report kept, the latest in force. */
@Aggregate
public class SellThroughReports {

    @AggregateIdentifier
    private String reportsId;
    private String latest;
    private final Map<String, SellThroughReportedEvent> reports = new HashMap<>();

    protected SellThroughReports() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(ReportSellThroughCommand command, RepBook reps, ProductCatalog catalog) {
        Actor actor = command.actor();
        RepBook.CustomerStanding customer = reps.customer(command.customerId()).orElseThrow(() -> RejectedException.of(
                ErrorCode.CUSTOMER_NOT_FOUND, "no customer with id " + command.customerId(), "customerId",
                command.customerId()));
        if (!actor.actsForCompany() && !actor.isRep(customer.ownerRepId()) && !actor.isDealerOf(command.customerId())) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED,
                    "only the dealer itself, its owner, a manager or an admin reports its sell-through");
        }
        List<SellThroughLine> lines = new ArrayList<>();
        for (ReportSellThroughCommand.Line line : command.lines()) {
            ProductCatalog.Entry product = catalog.find(line.productId()).orElseThrow(() -> RejectedException.of(
                    ErrorCode.PRODUCT_NOT_FOUND, "no product with id " + line.productId() + " in the catalogue",
                    "productId", line.productId()));
            lines.add(new SellThroughLine(product.productId(), product.productLine(), line.quantity(), line.amount()));
        }
        SellThroughReportedEvent report = new SellThroughReportedEvent(command.reportId(), command.customerId(),
                command.period().toString(), lines, latest, actor.userId());
        SellThroughReportedEvent earlier = reports.get(command.reportId());
        if (earlier != null) {
            if (sameLines(earlier.lines(), lines)) {
                return command.reportId();
            }
            throw RejectedException.of(ErrorCode.ID_ALREADY_USED, "report " + command.reportId()
                    + " was made with other lines; a correction is a new report", "reportId", command.reportId());
        }
        apply(report);
        return command.reportId();
    }

    private static boolean sameLines(List<SellThroughLine> first, List<SellThroughLine> again) {
        if (first.size() != again.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            SellThroughLine a = first.get(i);
            SellThroughLine b = again.get(i);
            if (!a.productId().equals(b.productId()) || a.quantity().compareTo(b.quantity()) != 0
                    || a.amount().compareTo(b.amount()) != 0) {
                return false;
            }
        }
        return true;
    }

    @EventSourcingHandler
    void on(SellThroughReportedEvent event) {
        reportsId = ReportSellThroughCommand.idOf(event.customerId(), com.customerledger.events.SalesPeriod.parse(event.period()));
        latest = event.reportId();
        reports.put(event.reportId(), event);
    }
}
