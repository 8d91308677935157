package com.customerledger.command.pricing;

import com.customerledger.command.CommandLookups;
import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import com.customerledger.events.pricing.PolicyPrice;
import com.customerledger.events.pricing.PriceMatch;
import com.customerledger.events.pricing.PricingPolicySetEvent;
import com.customerledger.events.pricing.PricingRule;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The pricing policy in force, kept on the command side where orders are priced, with the same function as the price query. */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class PricingRules {

    private final JdbcTemplate jdbc;

    public PricingRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The policy in force, with the same pricing function as the price query. */
    public record Policy(int version, List<PricingRule> rules) {

        /** The policy price of a catalogue product for a customer of this type, grade and region. */
        public PolicyPrice price(ProductCatalog.Entry product, CustomerType type, Grade grade, Region region) {
            return PolicyPrice.of(version, rules, product.productId(), product.productLine(), product.listPrice(), type,
                    grade, region);
        }
    }

    /** The policy in force (version 0 and no rules before any was set). */
    public Policy current() {
        Integer version = jdbc.queryForObject("SELECT MAX(version) FROM pricing_policy_version", Integer.class);
        if (version == null) {
            return new Policy(0, List.of());
        }
        return new Policy(version, jdbc.query("SELECT rule_id, product_id, product_line, customer_type, grade, province, "
                        + "city, county, discount_percent FROM pricing_rule WHERE version = ? ORDER BY position",
                (rs, i) -> new PricingRule(rs.getString(1), new PriceMatch(rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : CustomerType.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : Grade.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : new Region(rs.getString(6), rs.getString(7), rs.getString(8))),
                        new BigDecimal(rs.getString(9))), version));
    }

    @EventHandler
    void on(PricingPolicySetEvent event) {
        jdbc.update("DELETE FROM pricing_rule");
        jdbc.update("DELETE FROM pricing_policy_version");
        jdbc.update("INSERT INTO pricing_policy_version (version) VALUES (?)", event.version());
        for (int position = 0; position < event.rules().size(); position++) {
            PricingRule rule = event.rules().get(position);
            PriceMatch match = rule.match();
            Region region = match.region();
            jdbc.update("INSERT INTO pricing_rule (version, position, rule_id, product_id, product_line, customer_type, grade, "
                            + "province, city, county, discount_percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    event.version(), position, rule.ruleId(), match.productId(), match.productLine(),
                    match.customerType() == null ? null : match.customerType().name(),
                    match.grade() == null ? null : match.grade().name(), region == null ? null : region.province(),
                    region == null ? null : region.city(), region == null ? null : region.county(),
                    rule.discountPercent().toPlainString());
        }
    }
}
