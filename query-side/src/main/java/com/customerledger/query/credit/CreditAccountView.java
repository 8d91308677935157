package com.customerledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's credit account: the limit and payment term in force (the last approved request; 0 and 0 before
 * any), what is owed and held, and every request with its decision, newest first. {@code reserved} is
 * what approved orders not yet delivered hold, {@code outstanding} what delivered orders owe (payments are not
 * recorded yet), {@code overdue} the part of it past its due date.
 */
public record CreditAccountView(String customerId, BigDecimal limit, int paymentTermDays, String limitRequestId,
                                BigDecimal outstanding, BigDecimal reserved, BigDecimal available, BigDecimal overdue,
                                Instant oldestDueAt, List<CreditRequestView> history) {
}
