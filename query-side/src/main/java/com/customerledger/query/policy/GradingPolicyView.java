package com.customerledger.query.policy;

import com.customerledger.events.GradeThreshold;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The grading thresholds in force; version 0 means none was set and nobody is graded by policy. The grades are
 * named {@code S}, {@code A} and {@code B} on the wire, exactly as the policy is written.
 */
public record GradingPolicyView(int version, @JsonProperty("S") GradeThreshold s, @JsonProperty("A") GradeThreshold a,
                                @JsonProperty("B") GradeThreshold b, String setBy, Instant setAt) {
}
