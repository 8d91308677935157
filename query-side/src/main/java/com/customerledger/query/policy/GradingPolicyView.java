package com.customerledger.query.policy;

import com.customerledger.events.GradeThreshold;
import java.time.Instant;

/** The grading thresholds in force; version 0 means none was set and nobody is graded by policy. */
public record GradingPolicyView(int version, GradeThreshold s, GradeThreshold a, GradeThreshold b, String setBy,
                                Instant setAt) {
}
