package com.customerledger.events.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentAllocationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static PaymentAllocation.Delivery delivered(String id, String total, int day, int dueDay) {
        return new PaymentAllocation.Delivery(id, new BigDecimal(total), T0.plusSeconds(86_400L * day),
                T0.plusSeconds(86_400L * dueDay));
    }

    private static PaymentAllocation.Received paid(String amount, String orderId, int day) {
        return new PaymentAllocation.Received(new PaymentAllocation.Paid(new BigDecimal(amount), orderId),
                T0.plusSeconds(86_400L * day + 1));
    }

    @Test
    void aPaymentPaysTheNamedOrderFirstThenTheEarliestDue() {
        PaymentAllocation.Result result = PaymentAllocation.replay(
                List.of(delivered("a", "100", 0, 30), delivered("b", "50", 1, 10)), List.of(paid("70", "a", 2)));
        assertThat(result.open()).extracting(PaymentAllocation.Open::orderId).containsExactly("b", "a");
        assertThat(result.open().get(1).amount()).isEqualByComparingTo("30");
        PaymentAllocation.Result unnamed = PaymentAllocation.replay(
                List.of(delivered("a", "100", 0, 30), delivered("b", "50", 1, 10)), List.of(paid("70", null, 2)));
        assertThat(unnamed.open()).extracting(PaymentAllocation.Open::orderId).containsExactly("a");
        assertThat(unnamed.open().get(0).amount()).as("b was due first").isEqualByComparingTo("80");
    }

    @Test
    void whatIsLeftOverIsPaidInAdvanceAndPaysTheNextDelivery() {
        PaymentAllocation.Result result = PaymentAllocation.replay(
                List.of(delivered("a", "100", 0, 30), delivered("c", "60", 5, 35)), List.of(paid("130", null, 2)));
        assertThat(result.advance()).isEqualByComparingTo("0");
        assertThat(result.open()).singleElement().satisfies(open -> {
            assertThat(open.orderId()).isEqualTo("c");
            assertThat(open.amount()).isEqualByComparingTo("30");
        });
        PaymentAllocation.Result ahead = PaymentAllocation.replay(List.of(), List.of(paid("10", null, 0)));
        assertThat(ahead.open()).isEmpty();
        assertThat(ahead.advance()).isEqualByComparingTo("10");
    }
}
