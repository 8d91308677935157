package com.customerledger.events;

import java.math.BigDecimal;
import java.time.Instant;

/** The figures a grade was decided on: deals closed in the twelve months up to {@code asOf}. */
public record GradeInputs(Instant asOf, BigDecimal volume, BigDecimal margin, int activeMonths, int deals) {
}
