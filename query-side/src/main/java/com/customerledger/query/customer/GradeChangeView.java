package com.customerledger.query.customer;

import com.customerledger.events.Grade;
import com.customerledger.events.GradeInputs;
import java.time.Instant;

/** One change of a customer's grade, with the figures it was decided on and who or what decided. */
public record GradeChangeView(Grade from, Grade to, GradeInputs inputs, Integer policyVersion, boolean manual,
                              String reason, String changedBy, Instant changedAt) {
}
