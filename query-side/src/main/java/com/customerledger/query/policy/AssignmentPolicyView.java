package com.customerledger.query.policy;

import com.customerledger.events.AssignmentRule;
import java.time.Instant;
import java.util.List;

/** One version of the assignment rules, as published. Version 0 with no rules means none was ever published. */
public record AssignmentPolicyView(int version, List<AssignmentRule> rules, String publishedBy, Instant publishedAt) {
}
