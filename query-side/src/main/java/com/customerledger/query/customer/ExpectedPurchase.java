package com.customerledger.query.customer;

import com.customerledger.events.order.NextPurchase;
import java.time.Instant;

/** The next-purchase estimate as the 360 view and a portfolio carry it (the customer is the view's own). */
public record ExpectedPurchase(Instant expectedAt, Double cycleDays, String basis, String confidence, String reason) {

    static ExpectedPurchase of(NextPurchase estimate) {
        return estimate == null ? null : new ExpectedPurchase(estimate.expectedAt(), estimate.cycleDays(), estimate.basis(),
                estimate.confidence(), estimate.reason());
    }
}
