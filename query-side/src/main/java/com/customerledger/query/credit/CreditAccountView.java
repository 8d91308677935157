package com.customerledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's credit account: the limit and payment term in force (the last approved request; 0 and 0 before
 * any), what is owed and held, and every request with its decision, newest first. {@code outstanding},
 * {@code reserved} and {@code overdue} come from orders and payments; without any they are 0.
 */
public record CreditAccountView(String customerId, BigDecimal limit, int paymentTermDays, String limitRequestId,
                                BigDecimal outstanding, BigDecimal reserved, BigDecimal available, BigDecimal overdue,
                                Instant oldestDueAt, List<CreditRequestView> history) {
}
