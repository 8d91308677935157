package com.customerledger.events.rebate;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.CustomerType;
import com.customerledger.events.SalesPeriod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebateAccrualTest {

    private static final RebateProgram FEED = new RebateProgram("feed-q", SalesPeriod.Kind.QUARTER, "feed",
            List.of(CustomerType.DEALER), RebateBasis.AMOUNT, List.of(new RebateTier(new BigDecimal("1000"), BigDecimal.ONE),
            new RebateTier(new BigDecimal("5000"), new BigDecimal("2.5"))), null);

    private static List<RebateAccrual.Delivered> feed(String amount) {
        return List.of(new RebateAccrual.Delivered("feed", BigDecimal.TEN, new BigDecimal(amount)),
                new RebateAccrual.Delivered("premix", new BigDecimal("99"), new BigDecimal("99999")));
    }

    @Test
    void theHighestTierReachedPaysItsPercentOfTheProgramsDeliveries() {
        RebateAccrual below = RebateAccrual.of(FEED, CustomerType.DEALER, feed("999.99"), List.of(), null);
        assertThat(below.tier()).isNull();
        assertThat(below.amount()).isEqualByComparingTo("0");
        assertThat(below.explanation()).contains("below the first tier");
        RebateAccrual first = RebateAccrual.of(FEED, CustomerType.DEALER, feed("1000.00"), List.of(), null);
        assertThat(first.tier().from()).isEqualByComparingTo("1000");
        assertThat(first.amount()).isEqualByComparingTo("10.00");
        RebateAccrual almost = RebateAccrual.of(FEED, CustomerType.DEALER, feed("4999.99"), List.of(), null);
        assertThat(almost.percent()).isEqualByComparingTo("1");
        assertThat(almost.amount()).isEqualByComparingTo("50.00");
        RebateAccrual second = RebateAccrual.of(FEED, CustomerType.DEALER, feed("5000.00"), List.of(), null);
        assertThat(second.percent()).isEqualByComparingTo("2.5");
        assertThat(second.amount()).isEqualByComparingTo("125.00");
        assertThat(second.basisValue()).as("premix is not counted").isEqualByComparingTo("5000.00");
        assertThat(second.explanation()).contains("5000 yuan of product line feed", "2.5%", "125.00 yuan");
    }

    @Test
    void quantityTiersCustomerTypesAndTargetsDecideWhoEarns() {
        RebateProgram byBags = new RebateProgram("bags", SalesPeriod.Kind.MONTH, null, List.of(), RebateBasis.QUANTITY,
                List.of(new RebateTier(new BigDecimal("100"), new BigDecimal("2"))), new BigDecimal("0.9"));
        List<RebateAccrual.Delivered> lines = List.of(new RebateAccrual.Delivered("feed", new BigDecimal("60"),
                new BigDecimal("6000")), new RebateAccrual.Delivered("premix", new BigDecimal("40"), new BigDecimal("4000")));
        RebateAccrual met = RebateAccrual.of(byBags, CustomerType.FARM, lines, List.of(), new BigDecimal("0.9"));
        assertThat(met.basisValue()).isEqualByComparingTo("100");
        assertThat(met.amount()).as("2% of all 10,000 yuan delivered").isEqualByComparingTo("200.00");
        RebateAccrual short1 = RebateAccrual.of(byBags, CustomerType.FARM, lines, List.of(), new BigDecimal("0.8999"));
        assertThat(short1.amount()).isEqualByComparingTo("0");
        assertThat(short1.eligible()).isFalse();
        assertThat(short1.explanation()).contains("0.8999");
        RebateAccrual noTarget = RebateAccrual.of(byBags, CustomerType.FARM, lines, List.of(), null);
        assertThat(noTarget.amount()).isEqualByComparingTo("0");
        assertThat(noTarget.explanation()).contains("no target set");
        RebateAccrual farm = RebateAccrual.of(FEED, CustomerType.FARM, feed("9000"), List.of(), null);
        assertThat(farm.eligible()).isFalse();
        assertThat(farm.amount()).isEqualByComparingTo("0");
        assertThat(farm.explanation()).contains("DEALER", "FARM");
    }

    @Test
    void aSellThroughProgramIsReachedByWhatTheDealerSoldOnAndPaysOnWhatWasDelivered() {
        RebateProgram soldOn = new RebateProgram("st", SalesPeriod.Kind.QUARTER, "feed", List.of(), RebateBasis.SELL_THROUGH,
                List.of(new RebateTier(new BigDecimal("3000"), new BigDecimal("4"))), null);
        List<RebateAccrual.Delivered> reported = List.of(new RebateAccrual.Delivered("feed", BigDecimal.ONE,
                new BigDecimal("3200")), new RebateAccrual.Delivered("premix", BigDecimal.ONE, new BigDecimal("50000")));
        RebateAccrual reached = RebateAccrual.of(soldOn, CustomerType.DEALER, feed("2500"), reported, null);
        assertThat(reached.basisValue()).isEqualByComparingTo("3200");
        assertThat(reached.amount()).as("4% of the 2,500 delivered").isEqualByComparingTo("100.00");
        assertThat(reached.explanation()).startsWith("sold on 3200 yuan");
        assertThat(RebateAccrual.of(soldOn, CustomerType.DEALER, feed("2500"), List.of(), null).amount())
                .as("no report: no basis").isEqualByComparingTo("0");
    }
}
