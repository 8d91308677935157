package com.customerledger.query.customer;

import com.customerledger.query.PageRequest;
import java.time.Instant;

/**
 * A rep's book: the customers they own and, separately, those they collaborate on, both narrowed by
 * {@code filter}; with {@code followUpDueBefore}, only owned customers whose planned follow-up is
 * before that instant (overdue ones, when it is now).
 */
public record FindPortfolioQuery(String repId, CustomerFilter filter, Instant followUpDueBefore, PageRequest page) {
}
