package com.customerledger.events.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CustomerType;
import com.customerledger.events.Grade;
import com.customerledger.events.Region;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyPriceTest {

    private static final BigDecimal LIST = new BigDecimal("168.00");
    private static final Region SHOUGUANG = new Region("山东省", "潍坊市", "寿光市");

    private static PricingRule rule(String id, PriceMatch match, String discount) {
        return new PricingRule(id, match, new BigDecimal(discount));
    }

    private static PolicyPrice price(List<PricingRule> rules, CustomerType type, Grade grade, Region region) {
        return PolicyPrice.of(4, rules, "grower", "feed", LIST, type, grade, region);
    }

    @Test
    void withoutAMatchingRuleTheListPriceHolds() {
        PolicyPrice price = price(List.of(rule("premix", new PriceMatch(null, "premix", null, null, null), "10")),
                CustomerType.FARM, Grade.A, SHOUGUANG);
        assertThat(price.policyPrice()).isEqualByComparingTo("168.00");
        assertThat(price.ruleId()).isNull();
        assertThat(price.policyVersion()).isEqualTo(4);
    }

    @Test
    void aProductBeatsItsLineAndMoreCustomerCriteriaBeatFewer() {
        List<PricingRule> rules = List.of(
                rule("line", new PriceMatch(null, "feed", null, null, null), "3"),
                rule("line-shandong-s", new PriceMatch(null, "feed", null, Grade.S, new Region("山东省", null, null)), "8"),
                rule("line-shouguang", new PriceMatch(null, "feed", null, null, SHOUGUANG), "6"),
                rule("product", new PriceMatch("grower", null, null, null, null), "1"));
        assertThat(price(rules, CustomerType.FARM, Grade.S, SHOUGUANG).ruleId()).as("a product beats any line rule")
                .isEqualTo("product");
        List<PricingRule> lineRules = rules.subList(0, 3);
        // a county names three levels, more than a grade and a province (two)
        assertThat(price(lineRules, CustomerType.FARM, Grade.S, SHOUGUANG).ruleId()).isEqualTo("line-shouguang");
        assertThat(price(lineRules, CustomerType.FARM, Grade.S, new Region("山东省", "济南市", null)).ruleId())
                .isEqualTo("line-shandong-s");
        assertThat(price(lineRules, CustomerType.FARM, Grade.B, new Region("河南省", null, null)).ruleId()).isEqualTo("line");
    }

    @Test
    void equallySpecificRulesGoToTheEarlierAndTheDiscountIsRoundedToTheFen() {
        List<PricingRule> rules = List.of(
                rule("dealers", new PriceMatch(null, "feed", CustomerType.DEALER, null, null), "12.5"),
                rule("grade-a", new PriceMatch(null, "feed", null, Grade.A, null), "2"));
        PolicyPrice price = price(rules, CustomerType.DEALER, Grade.A, SHOUGUANG);
        assertThat(price.ruleId()).isEqualTo("dealers");
        assertThat(price.policyPrice()).isEqualByComparingTo("147.00");
        assertThat(PolicyPrice.of(1, List.of(rule("odd", new PriceMatch(null, null, null, null, null), "3.33")), "x", "feed",
                new BigDecimal("9.99"), CustomerType.FARM, null, null).policyPrice()).isEqualByComparingTo("9.66");
    }
}
