package com.customerledger.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An admin replaced the assignment rules as a whole; {@code version} counts from 1 and every
 * rule-made assignment names the version and rule that decided it.
 */
@Revision("1")
public record AssignmentPolicyPublishedEvent(int version, List<AssignmentRule> rules, String publishedBy) {

    public AssignmentPolicyPublishedEvent {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
