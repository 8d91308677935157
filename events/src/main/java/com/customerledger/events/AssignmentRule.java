package com.customerledger.events;

import java.util.List;

/**
 * One rule of an assignment policy. It matches a new customer by region (a null region matches
 * everywhere; where several rules match, the one with the most specific region wins, then the
 * earlier one), customer type and product line (null: any). Its candidates are the listed reps or,
 * with {@code byTerritory}, every rep whose territory covers the customer.
 */
public record AssignmentRule(
        String ruleId,
        Region region,
        CustomerType type,
        String productLine,
        boolean byTerritory,
        List<String> candidates,
        AssignmentStrategy strategy) {

    public AssignmentRule {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
