package com.customerledger.query.rebate;

import com.customerledger.events.rebate.RebateAccrual;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's rebates for a period under the policy in force ({@code policyVersion}): per program of the period's
 * kind, the accrual with its explanation, and the settlement once finance made it.
 */
public record CustomerRebates(String customerId, String period, Instant from, Instant to, int policyVersion,
                              List<Item> items) {

    /** One program's accrual; {@code settled*} are empty until it is settled. */
    public record Item(RebateAccrual accrual, String settlementId, BigDecimal settledAmount, String settledBy,
                       Instant settledAt, Integer settledPolicyVersion) {
    }
}
