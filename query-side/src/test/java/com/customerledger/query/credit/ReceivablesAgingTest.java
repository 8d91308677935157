package com.customerledger.query.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerledger.events.payment.PaymentAllocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivablesAgingTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    private static PaymentAllocation.Open due(String amount, Duration beforeAsOf) {
        return new PaymentAllocation.Open("o", new BigDecimal(amount), AS_OF.minus(beforeAsOf));
    }

    private static ReceivablesAging.Buckets age(PaymentAllocation.Open... open) {
        return ReceivablesAging.age(List.of(open), AS_OF);
    }

    @Test
    void eachAmountFallsInTheBucketOfItsWholeDaysPastDue() {
        assertThat(age(due("1", Duration.ofSeconds(-1))).notDue()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ZERO)).pastDue0To30()).as("due at this moment").isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(31).minusSeconds(1))).pastDue0To30()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(31))).pastDue31To60()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(60))).pastDue31To60()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(61))).pastDue61To90()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(91).minusSeconds(1))).pastDue61To90()).isEqualByComparingTo("1");
        assertThat(age(due("1", Duration.ofDays(91))).pastDueOver90()).isEqualByComparingTo("1");
    }

    @Test
    void theBucketsAddUpToWhatIsOutstanding() {
        ReceivablesAging.Buckets buckets = age(due("100.50", Duration.ofDays(-3)), due("200", Duration.ofDays(10)),
                due("300", Duration.ofDays(45)), due("400", Duration.ofDays(75)), due("500", Duration.ofDays(400)),
                due("0.50", Duration.ofDays(12)));
        assertThat(buckets.notDue()).isEqualByComparingTo("100.50");
        assertThat(buckets.pastDue0To30()).isEqualByComparingTo("200.50");
        assertThat(buckets.pastDue31To60()).isEqualByComparingTo("300");
        assertThat(buckets.pastDue61To90()).isEqualByComparingTo("400");
        assertThat(buckets.pastDueOver90()).isEqualByComparingTo("500");
        assertThat(buckets.outstanding()).isEqualByComparingTo("1501.00");
        assertThat(age().outstanding()).as("nothing open").isEqualByComparingTo("0");
    }
}
