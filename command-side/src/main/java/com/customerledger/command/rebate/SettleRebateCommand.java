package com.customerledger.command.rebate;

import com.customerledger.command.Actor;
import com.customerledger.events.SalesPeriod;
import com.customerledger.events.rebate.RebateAccrual;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Settle a customer's rebate of one program for one ended period (FINANCE or ADMIN), once, at the accrual the
 * read side computed from every event stored before it (policy version {@code policyVersion}).
 */
public record SettleRebateCommand(@TargetAggregateIdentifier String settlementId, String customerId, SalesPeriod period,
                                  int policyVersion, RebateAccrual accrual, Actor actor) {
}
