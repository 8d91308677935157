package com.customerledger.command.pricing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.customerledger.command.ErrorCode;
import com.customerledger.command.RejectedException;
import com.customerledger.command.Role;
import com.customerledger.events.pricing.PricingPolicySetEvent;
import com.customerledger.events.pricing.PricingRule;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The versioned pricing policy: each version replaces the rules of the one before. */
@Aggregate
public class PricingPolicy {

    @AggregateIdentifier
    private String policyId;
    private int version;

    protected PricingPolicy() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetPricingPolicyCommand command, ProductCatalog catalog) {
        if (!command.actor().roles().contains(Role.ADMIN)) {
            throw new RejectedException(ErrorCode.NOT_ALLOWED, "only admins set the pricing policy");
        }
        Set<String> ruleIds = new HashSet<>();
        for (PricingRule rule : command.rules()) {
            if (!ruleIds.add(rule.ruleId())) {
                throw new RejectedException(ErrorCode.INVALID_POLICY, "rule id " + rule.ruleId() + " is used twice");
            }
            String productId = rule.match().productId();
            if (productId != null) {
                Optional<ProductCatalog.Entry> product = catalog.find(productId);
                if (product.isEmpty()) {
                    throw new RejectedException(ErrorCode.INVALID_POLICY, "rule " + rule.ruleId() + " names product "
                            + productId + ", which is not in the catalogue");
                }
                String line = rule.match().productLine();
                if (line != null && !line.equals(product.get().productLine())) {
                    throw new RejectedException(ErrorCode.INVALID_POLICY, "rule " + rule.ruleId() + " names product "
                            + productId + " of product line " + product.get().productLine() + " with product line " + line
                            + "; it could never match");
                }
            }
        }
        apply(new PricingPolicySetEvent(version + 1, command.rules(), command.actor().userId()));
        return version;
    }

    @EventSourcingHandler
    void on(PricingPolicySetEvent event) {
        policyId = SetPricingPolicyCommand.POLICY_ID;
        version = event.version();
    }
}
