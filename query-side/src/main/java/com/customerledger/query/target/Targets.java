package com.customerledger.query.target;

import java.time.Instant;
import java.util.List;

/** The targets of a period, reps first, then customers, each by id. */
public record Targets(String period, Instant from, Instant to, List<TargetView> items) {
}
