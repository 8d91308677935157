package com.customerledger.query.credit;

import com.customerledger.events.payment.PaymentAllocation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Open amounts sorted into aging buckets: not yet due, then 0–30, 31–60, 61–90 and more than 90 whole days
 * past the due date (the delivery plus the customer's payment term), counted at {@code asOf}.
 */
public final class ReceivablesAging {

    /** The amounts of one customer, one rep or the whole ledger, by bucket, in yuan. */
    public record Buckets(BigDecimal notDue, BigDecimal pastDue0To30, BigDecimal pastDue31To60, BigDecimal pastDue61To90,
                          BigDecimal pastDueOver90, BigDecimal outstanding) {

        public static final Buckets NONE = new Buckets(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);

        public Buckets plus(Buckets other) {
            return new Buckets(notDue.add(other.notDue), pastDue0To30.add(other.pastDue0To30),
                    pastDue31To60.add(other.pastDue31To60), pastDue61To90.add(other.pastDue61To90),
                    pastDueOver90.add(other.pastDueOver90), outstanding.add(other.outstanding));
        }
    }

    private ReceivablesAging() {
    }

    /** Each open amount in the bucket of its age at {@code asOf}; an amount due exactly at {@code asOf} is 0 days past due. */
    public static Buckets age(List<PaymentAllocation.Open> open, Instant asOf) {
        Buckets sum = Buckets.NONE;
        for (PaymentAllocation.Open item : open) {
            sum = sum.plus(one(item.amount(), item.dueAt(), asOf));
        }
        return sum;
    }

    private static Buckets one(BigDecimal amount, Instant dueAt, Instant asOf) {
        BigDecimal zero = BigDecimal.ZERO;
        if (asOf.isBefore(dueAt)) {
            return new Buckets(amount, zero, zero, zero, zero, amount);
        }
        long days = Duration.between(dueAt, asOf).toDays();
        if (days <= 30) {
            return new Buckets(zero, amount, zero, zero, zero, amount);
        }
        if (days <= 60) {
            return new Buckets(zero, zero, amount, zero, zero, amount);
        }
        if (days <= 90) {
            return new Buckets(zero, zero, zero, amount, zero, amount);
        }
        return new Buckets(zero, zero, zero, zero, amount, amount);
    }
}
