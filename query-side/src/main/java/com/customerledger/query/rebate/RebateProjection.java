package com.customerledger.query.rebate;

import com.customerledger.events.CustomerType;
import com.customerledger.events.SalesPeriod;
import com.customerledger.events.rebate.RebateAccrual;
import com.customerledger.events.rebate.RebatePolicySetEvent;
import com.customerledger.events.rebate.RebateProgram;
import com.customerledger.events.rebate.RebateSettledEvent;
import com.customerledger.query.Projections;
import com.customerledger.query.ReadModelReset;
import com.customerledger.query.ReadsFrom;
import com.customerledger.query.SequencedDocument;
import com.customerledger.query.customer.CustomerProjection;
import com.customerledger.query.order.OrderProjection;
import com.customerledger.query.sellthrough.SellThroughProjection;
import com.customerledger.query.target.TargetProjection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The rebate policy and the settlements, beside the orders and targets the accruals are computed from (part of
 * the activity projection, so an accrual and its inputs are read at one position).
 */
@Component
@ProcessingGroup(Projections.ACTIVITY)
public class RebateProjection {

    private static final String POLICY_ID = "rebates";

    @org.springframework.data.mongodb.core.mapping.Document("rebate_policy")
    static class PolicyDocument extends SequencedDocument {
        int version;
        List<RebateProgram> programs = new ArrayList<>();
        String setBy;
        Instant setAt;
    }

    @org.springframework.data.mongodb.core.mapping.Document("rebate_settlements")
    static class SettlementDocument extends SequencedDocument {
        String customerId;
        String programId;
        String period;
        int policyVersion;
        BigDecimal amount;
        String settledBy;
        Instant settledAt;
    }

    private final MongoTemplate mongo;
    private final ZoneId zone;

    public RebateProjection(MongoTemplate mongo, ZoneId zone) {
        this.mongo = mongo;
        this.zone = zone;
    }

    @EventHandler
    void on(RebatePolicySetEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, PolicyDocument.class, POLICY_ID, sequence, recordedAt, PolicyDocument::new, policy -> {
            policy.version = event.version();
            policy.programs = event.programs();
            policy.setBy = event.setBy();
            policy.setAt = recordedAt;
        });
    }

    @EventHandler
    void on(RebateSettledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        SequencedDocument.apply(mongo, SettlementDocument.class, event.settlementId(), sequence, recordedAt,
                SettlementDocument::new, settlement -> {
                    settlement.customerId = event.customerId();
                    settlement.programId = event.programId();
                    settlement.period = event.period();
                    settlement.policyVersion = event.policyVersion();
                    settlement.amount = event.amount();
                    settlement.settledBy = event.settledBy();
                    settlement.settledAt = recordedAt;
                });
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(mongo, PolicyDocument.class, SettlementDocument.class);
    }

    @QueryHandler
    @ReadsFrom(Projections.ACTIVITY)
    RebatePolicyView handle(FindRebatePolicyQuery query) {
        return policy().map(policy -> new RebatePolicyView(policy.version, policy.programs, policy.setBy, policy.setAt))
                .orElse(new RebatePolicyView(0, List.of(), null, null));
    }

    /** Empty for a customer the read model does not know. */
    @QueryHandler
    @ReadsFrom({Projections.ACTIVITY, Projections.CUSTOMERS})
    Optional<CustomerRebates> handle(CustomerRebatesQuery query) {
        Document customer = mongo.findById(query.customerId(), Document.class, CustomerProjection.COLLECTION);
        if (customer == null) {
            return Optional.empty();
        }
        SalesPeriod period = query.period();
        CustomerType type = CustomerType.valueOf(customer.getString("type"));
        List<RebateAccrual.Delivered> delivered = OrderProjection.deliveredLines(mongo, query.customerId(), period.from(zone),
                period.to(zone));
        List<RebateAccrual.Delivered> soldOn = SellThroughProjection.soldOn(mongo, query.customerId(), period);
        BigDecimal attainment = TargetProjection.customerAttainment(mongo, period, zone, query.customerId());
        Optional<PolicyDocument> policy = policy();
        List<CustomerRebates.Item> items = new ArrayList<>();
        for (RebateProgram program : policy.map(p -> p.programs).orElse(List.of())) {
            if (program.period() != period.kind()) {
                continue;
            }
            RebateAccrual accrual = RebateAccrual.of(program, type, delivered, soldOn, attainment);
            SettlementDocument settled = mongo.findById(RebateSettledEvent.idOf(query.customerId(), program.programId(), period),
                    SettlementDocument.class);
            items.add(settled == null ? new CustomerRebates.Item(accrual, null, null, null, null, null)
                    : new CustomerRebates.Item(accrual, settled.id(), settled.amount, settled.settledBy, settled.settledAt,
                    settled.policyVersion));
        }
        return Optional.of(new CustomerRebates(query.customerId(), period.toString(), period.from(zone), period.to(zone),
                policy.map(p -> p.version).orElse(0), items));
    }

    private Optional<PolicyDocument> policy() {
        return Optional.ofNullable(mongo.findById(POLICY_ID, PolicyDocument.class));
    }
}
