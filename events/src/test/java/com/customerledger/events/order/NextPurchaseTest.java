package com.customerledger.events.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.Scale;
import com.customerledger.events.pricing.ProductUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextPurchaseTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private static NextPurchase.Delivery at(int day, String quantity) {
        return new NextPurchase.Delivery(START.plus(Duration.ofDays(day)), new BigDecimal(quantity));
    }

    @Test
    void aFarmBuyingTheSameEveryThirtyDaysIsExpectedThirtyDaysAfterItsLastDelivery() {
        NextPurchase next = NextPurchase.estimate("c", List.of(at(60, "100"), at(0, "100"), at(30, "100"), at(90, "100")),
                ProductUnit.BAG, null, List.of());
        assertThat(next.expectedAt()).isEqualTo(START.plus(Duration.ofDays(120)));
        assertThat(next.cycleDays()).isEqualTo(30.0);
        assertThat(next.confidence()).isEqualTo("HIGH");
        assertThat(next.basis()).contains("4 deliveries", "3.3 bag a day");
        assertThat(next.reason()).isNull();
    }

    @Test
    void aBiggerLastDeliveryLastsLongerAndIrregularBuyingIsLessCertain() {
        // 300 bags used over 60 days (5 a day): the last 200 last 40 days
        NextPurchase next = NextPurchase.estimate("c", List.of(at(0, "100"), at(20, "200"), at(60, "200")),
                ProductUnit.BAG, null, List.of());
        assertThat(next.expectedAt()).isEqualTo(START.plus(Duration.ofDays(100)));
        assertThat(next.cycleDays()).isEqualTo(30.0);
        assertThat(next.confidence()).isEqualTo("MEDIUM");
        NextPurchase two = NextPurchase.estimate("c", List.of(at(0, "50"), at(10, "50")), ProductUnit.BAG, null, List.of());
        assertThat(two.expectedAt()).isEqualTo(START.plus(Duration.ofDays(20)));
        assertThat(two.confidence()).isEqualTo("LOW");
    }

    @Test
    void withOneDeliveryOnlyTheHerdSizeCanTellAndOtherwiseItSaysSo() {
        // 5 tons for 200 pigs at 2.5 kg a day: 10 days
        NextPurchase herd = NextPurchase.estimate("c", List.of(at(0, "5")), ProductUnit.TON, new Scale(200, Scale.Unit.HEAD),
                List.of("pig"));
        assertThat(herd.expectedAt()).isEqualTo(START.plus(Duration.ofDays(10)));
        assertThat(herd.confidence()).isEqualTo("LOW");
        NextPurchase bags = NextPurchase.estimate("c", List.of(at(0, "5")), ProductUnit.BAG, new Scale(200, Scale.Unit.HEAD),
                List.of("pig"));
        assertThat(bags.expectedAt()).isNull();
        assertThat(bags.reason()).startsWith("too little history");
        assertThat(NextPurchase.estimate("c", List.of(), null, null, List.of()).reason()).contains("no delivery yet");
        assertThat(NextPurchase.estimate("c", List.of(at(0, "1"), at(0, "2")), ProductUnit.BAG, null, List.of()).expectedAt())
                .as("two deliveries the same day tell no cycle").isNull();
    }
}
