package com.customerledger.command.payment;

import com.customerledger.command.Actor;
import com.customerledger.events.payment.PaymentMethod;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record money received from a customer (FINANCE or ADMIN, or an ERP acting with the FINANCE role). Repeating the
 * command with the same payment id and data appends nothing; other data under a used id is refused.
 */
public record RecordPaymentCommand(@TargetAggregateIdentifier PaymentId paymentId, String customerId, BigDecimal amount,
                                   Instant receivedAt, PaymentMethod method, String orderId, Actor actor) {
}
